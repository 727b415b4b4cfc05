/**
 * A one-page PDF as word processors write them: the author's name in the document Info
 * dictionary and again in an XMP metadata stream, written by hand so the test does not depend on
 * the library that cleans it.
 */
export function pdfWithMetadata(text: string, author: string): Buffer {
  const content = `BT /F1 14 Tf 72 720 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`;
  const xmp = [
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>`,
    "</rdf:Description></rdf:RDF></x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
  const xmpBytes = Buffer.byteLength(xmp, "utf8");
  const ascii = author.normalize("NFKD").replace(/\p{M}/gu, "");
  return Buffer.concat([
    Buffer.from(
      [
        "%PDF-1.7",
        "1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >> endobj",
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj",
        `4 0 obj << /Length ${content.length} >> stream`,
        content,
        "endstream endobj",
        "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj",
        `6 0 obj << /Type /Metadata /Subtype /XML /Length ${xmpBytes} >> stream`,
        "",
      ].join("\n"),
      "latin1",
    ),
    Buffer.from(xmp, "utf8"),
    Buffer.from(
      [
        "",
        "endstream endobj",
        `7 0 obj << /Author (${ascii}) /Title (CV of ${ascii}) /Creator (Writer) >> endobj`,
        "trailer << /Root 1 0 R /Info 7 0 R >>",
        "%%EOF",
        "",
      ].join("\n"),
      "latin1",
    ),
  ]);
}
