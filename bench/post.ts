/**
 * An interaction's POST as a browser sends it, for the benchmarks that call an app's `fetch` in
 * the process: urlencoded, with its Content-Length. A Request made from a string has no such
 * header until it is sent, and without it Hono's body limit must read the body through a stream
 * and build the request again, which no browser's post costs.
 */
export function formPost(url: string, p: { cookie: string; origin: string; body: string }): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      cookie: p.cookie,
      origin: p.origin,
      "content-type": "application/x-www-form-urlencoded",
      // (a urlencoded body is ASCII: as many bytes as characters)
      "content-length": String(p.body.length),
    },
    body: p.body,
  });
}
