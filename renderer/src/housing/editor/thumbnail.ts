/**
 * A small JPEG of a photo, drawn in the renderer (the main process has no image library), so
 * the editor's thumbnails load kilobytes rather than whole camera pictures. Null when the
 * browser cannot decode the file: the photo is then shown scaled down instead.
 */
const LONG_SIDE = 320;

export async function thumbnailBase64(file: File): Promise<string | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/jpeg', 0.8);
    return url.startsWith('data:image/jpeg;base64,') ? url.slice(url.indexOf(',') + 1) : null;
  } catch {
    return null;
  }
}
