/**
 * A `fetch` that reports the bytes of every response body as they arrive, so loading Pyodide
 * (about 13 MB: the WebAssembly binary, the standard library…) can show real progress.
 */
export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export function countingFetch(fetchImpl: Fetch, onBytes: (bytes: number) => void): Fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        onBytes(value.byteLength);
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    // Headers are kept: WebAssembly.instantiateStreaming needs `application/wasm`.
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
