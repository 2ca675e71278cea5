import type { Api } from "grammy";

export interface DownloadedFile {
  bytes: Buffer;
  filePath: string;
}

export interface TelegramFiles {
  download(fileId: string): Promise<DownloadedFile>;
}

export class FileDownloadError extends Error {}

/**
 * getFile, then the download route of the same API root: a self-hosted Bot API server serves
 * both, so pointing TELEGRAM_API_ROOT at it moves downloads there too. The URL carries the
 * token, so it never appears in an error.
 */
export function createTelegramFiles(api: Api, apiRoot: string, token: string): TelegramFiles {
  return {
    async download(fileId) {
      const file = await api.getFile(fileId);
      if (!file.file_path) throw new FileDownloadError(`Telegram gave no path for file ${fileId}`);
      const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new FileDownloadError(`file download failed with HTTP ${response.status}`);
      return { bytes: Buffer.from(await response.arrayBuffer()), filePath: file.file_path };
    },
  };
}
