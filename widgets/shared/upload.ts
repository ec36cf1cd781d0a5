/**
 * File uploads, in a chunk of their own: the PQRSD form loads it only when files are attached.
 */
import { ApiError, parseJson, parseRetryAfter } from './api.ts';

/**
 * POSTs a multipart form with XMLHttpRequest, the only browser API that reports upload
 * progress; `onProgress` receives a fraction between 0 and 1.
 */
export function upload<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body, parseRetryAfter(xhr.getResponseHeader('retry-after'))));
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => reject(new ApiError(0, undefined));
    xhr.send(form);
  });
}
