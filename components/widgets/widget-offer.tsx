import { WIDGET_WIDTH, type Widget } from "@/lib/widgets/catalogue";
import { embedUrl, iframeCode, scriptCode } from "@/lib/widgets/embed-code";
import { EmbedCode } from "./embed-code";

/** One widget on the widgets page: what it is, a live preview (the real embed) and both ways to paste it. */
export function WidgetOffer({
  site,
  widget,
  category,
  children,
}: {
  site: string;
  widget: Widget;
  category?: string;
  children?: React.ReactNode;
}) {
  const headingId = `widget-${widget.kind}`;
  return (
    <section className="widget-offer" id={widget.kind} aria-labelledby={headingId}>
      <h2 id={headingId}>{widget.name}</h2>
      <p>{widget.description}</p>
      {children}
      <div className="widget-offer__body">
        <figure className="widget-offer__preview">
          <iframe
            src={embedUrl("", widget, category)}
            title={`Preview: ${widget.name}`}
            width={WIDGET_WIDTH}
            height={widget.height}
            loading="lazy"
          />
          <figcaption>Live preview</figcaption>
        </figure>
        <div className="widget-offer__code">
          <EmbedCode id={`${widget.kind}-iframe`} label="Frame code" code={iframeCode(site, widget, category)} />
          <EmbedCode id={`${widget.kind}-script`} label="Script code" code={scriptCode(site, widget, category)} />
        </div>
      </div>
    </section>
  );
}
