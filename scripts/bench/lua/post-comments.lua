-- Posts comments as fast as the server takes them. Each request has its own
-- words (run tag, thread, counter): the API refuses the same words twice in ten
-- minutes. Answers are counted by status, and the ids of stored posts kept, so
-- the bench can check that every post answered 2xx is in the database.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  run_tag = os.getenv("BENCH_RUN_TAG") or "untagged"
  sent = 0
  answered = 0
  statuses = {}
  ids = {}
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"body":"Bench post %s %d-%d: measuring how fast the discussion takes new posts."}',
    run_tag, thread_number, sent)
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 200 and status < 300 then
    local id = string.match(body, '"id":(%d+)')
    if id then
      ids[#ids + 1] = id
    end
  end
end

function bench_report_extra()
  local total_sent, total_answered, merged, all_ids = 0, 0, {}, {}
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_answered = total_answered + thread:get("answered")
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
    for _, id in ipairs(thread:get("ids")) do
      all_ids[#all_ids + 1] = id
    end
  end
  local counts = {}
  for status, count in pairs(merged) do
    counts[#counts + 1] = string.format('"%d":%d', status, count)
  end
  return string.format('"sent":%d,"answered":%d,"statuses":{%s},"ids":[%s]',
    total_sent, total_answered, table.concat(counts, ","), table.concat(all_ids, ","))
end
