import { logoTypeOf, sniffLogoType } from './logo-image';

describe("a logo's type", () => {
  it('is read from the magic number of PNG, JPEG, GIF and WebP bytes', () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(
        parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
      );
    expect(sniffLogoType(bytes([0x89], 'PNG\r\n\x1a\n', 'rest'))).toBe('image/png');
    expect(sniffLogoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffLogoType(bytes('GIF89a...'))).toBe('image/gif');
    expect(sniffLogoType(bytes('GIF87a...'))).toBe('image/gif');
    expect(sniffLogoType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('is none for SVG, HTML, a RIFF that is not WebP, or too few bytes', () => {
    expect(sniffLogoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffLogoType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffLogoType(Buffer.from('RIFF\x01\x02\x03\x04WAVE', 'latin1'))).toBeUndefined();
    expect(sniffLogoType(Buffer.from([0x89, 0x50]))).toBeUndefined();
  });

  it('takes a content type of the allow-list only, whatever its case or parameters', () => {
    expect(logoTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(logoTypeOf('image/svg+xml')).toBeUndefined();
    expect(logoTypeOf('text/html')).toBeUndefined();
    expect(logoTypeOf(undefined)).toBeUndefined();
  });
});
