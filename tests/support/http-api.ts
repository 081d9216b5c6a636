// Calls to a running local server over HTTP, as the mini program's devtools or curl make them.
export interface HttpApi {
  /** POSTs JSON to a route of the server, as `openid` when given; answers the parsed body. */
  post(path: string, body: unknown, openid?: string): Promise<unknown>;
  /** Calls an action and returns its data, failing the test on an error envelope. */
  ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>>;
}

/** `url` is read per call: the server starts in beforeAll, after the file named its helpers. */
export function httpApi(url: () => string): HttpApi {
  const post = async (path: string, body: unknown, openid?: string): Promise<unknown> => {
    const res = await fetch(`${url()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  return {
    post,
    async ok(openid, action, params) {
      const answer = (await post('/functions/api', { action, params }, openid)) as Api.Response<typeof action>;
      if (!answer.ok) throw new Error(`${action} as ${openid}: ${answer.error.code} ${answer.error.message}`);
      return answer.data as Api.Data<typeof action>;
    },
  };
}
