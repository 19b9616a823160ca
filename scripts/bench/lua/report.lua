-- Added to every wrk script the bench runs: prints wrk's own figures as one
-- JSON line (latencies in microseconds) for scripts/bench/wrk.mts to read,
-- more robust than parsing wrk's text. A script may define bench_report_extra()
-- to add its own fields (a JSON fragment).
function done(summary, latency, requests)
  local errors = summary.errors
  local extra = ""
  if bench_report_extra then
    extra = "," .. bench_report_extra()
  end
  io.write(string.format(
    'BENCH_JSON {"requests":%.0f,"durationUs":%.0f,"bytes":%.0f,' ..
      '"errors":{"status":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"timeout":%.0f},' ..
      '"p50Us":%.0f,"p99Us":%.0f,"meanUs":%.1f,"maxUs":%.0f%s}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max, extra))
end
