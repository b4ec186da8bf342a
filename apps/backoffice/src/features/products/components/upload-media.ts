import type { SessionStore } from '../../../shared/session/session-store';

/** What POST /media answers (201). */
export interface UploadedMedia {
  id: string;
  width: number;
  height: number;
  url: string;
}

export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'];
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Checks the browser can make before sending a file (the API sniffs the content again). */
export function checkFile(file: File): UploadError | null {
  if (file.type && !MEDIA_TYPES.includes(file.type))
    return new UploadError(`${file.name}: use a JPEG, PNG, WebP, AVIF or GIF image.`, 'TYPE');
  if (file.size > MEDIA_MAX_BYTES)
    return new UploadError(`${file.name} is larger than 10 MB.`, 'TOO_LARGE');
  return null;
}

async function post(file: File, token: string | null): Promise<Response> {
  const body = new FormData();
  body.append('file', file);
  return fetch('/media', {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/**
 * Uploads an image (multipart field "file") with the session's access token,
 * refreshing the token once when the API says it expired, as the GraphQL
 * link does.
 */
export async function uploadMedia(file: File, session: SessionStore): Promise<UploadedMedia> {
  await session.ensureFresh();
  let response = await post(file, session.getAccessToken());
  if (response.status === 401 && (await session.refresh())) {
    response = await post(file, session.getAccessToken());
  }
  if (response.status !== 201 && response.status !== 200) {
    let code = `HTTP_${response.status}`;
    let message = `${file.name} was not uploaded (HTTP ${response.status}).`;
    try {
      const body = (await response.json()) as { code?: string; message?: string };
      if (body.code) code = body.code;
      if (body.message) message = `${file.name}: ${body.message}`;
    } catch {
      // Not JSON: keep the status.
    }
    throw new UploadError(message, code);
  }
  return (await response.json()) as UploadedMedia;
}
