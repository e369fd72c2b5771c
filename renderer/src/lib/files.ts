/** Files cross the API as base64, in Electron and in browser mode alike. */

export interface UploadFile {
  fileName: string;
  contentBase64: string;
}

export interface DownloadFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export function readFileAsBase64(file: File): Promise<UploadFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      // A data URL: "data:<type>;base64,<payload>".
      resolve({ fileName: file.name, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

export function downloadFile(file: DownloadFile): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
