import { describe, expect, it } from 'vitest';
import { photoMimeOf } from './photo-type.js';

describe('photoMimeOf', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(photoMimeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(photoMimeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(photoMimeOf(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(photoMimeOf(new Uint8Array(Buffer.from('GIF89a')))).toBeNull();
    expect(photoMimeOf(new Uint8Array(Buffer.from('%PDF-1.7')))).toBeNull();
    expect(photoMimeOf(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(photoMimeOf(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WAVE')]))).toBeNull();
  });
});
