import ReactMarkdown from "react-markdown";

/**
 * Staff-written Markdown, rendered safely: react-markdown builds React elements and ignores raw
 * HTML, so a description cannot inject markup or scripts.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown skipHtml urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? url : "")}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
