import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from "@cantoo/pdf-lib";

const METADATA = PDFName.of("Metadata");

/**
 * The PDF rewritten without what names its author: the document Info dictionary (Author, Title,
 * Creator, …) and every XMP metadata stream (the catalog's, and any a page or image carries).
 * The file is rewritten whole, so earlier revisions kept by incremental saves go as well. Null
 * when the file cannot be read as a PDF (or is encrypted): then it cannot be cleaned, and a
 * blind reviewer must not get it.
 */
export async function withoutPdfMetadata(bytes: Uint8Array): Promise<Uint8Array | null> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return null;
  }
  if (document.isEncrypted) return null;
  const { context } = document;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  // The file identifier can be derived from the author's machine and time; a fresh one says nothing.
  context.trailerInfo.ID = undefined;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    const type = dict.get(PDFName.of("Type"));
    if (object instanceof PDFRawStream && type === METADATA) {
      context.delete(ref);
      continue;
    }
    const metadata = dict.get(METADATA);
    if (metadata instanceof PDFRef) context.delete(metadata);
    if (metadata) dict.delete(METADATA);
  }
  // Object streams would compress what is left; plain objects keep the result checkable by eye.
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
