/**
 * The raster types a logo may be, with the file extension it is served under. SVG is not among
 * them: an SVG is a document that may carry script and links, which on simauth's own origin
 * would run as simauth's (opened directly, not through the page's <img>).
 */
export const LOGO_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type LogoType = keyof typeof LOGO_TYPES;

const startsWith = (bytes: Buffer, ascii: string, at = 0) =>
  bytes.subarray(at, at + ascii.length).toString('latin1') === ascii;

/** The type the bytes' magic number says, if it is one of LOGO_TYPES. */
export function sniffLogoType(bytes: Buffer): LogoType | undefined {
  if (startsWith(bytes, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (startsWith(bytes, '\xff\xd8\xff')) return 'image/jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  return undefined;
}

/** The content type of a logo's answer, if it is one of LOGO_TYPES (parameters and case aside). */
export function logoTypeOf(contentType: string | undefined): LogoType | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type in LOGO_TYPES ? (type as LogoType) : undefined;
}
