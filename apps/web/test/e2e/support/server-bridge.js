// The server's test harness, as the browser tests use it. Plain JS with a hand-written .d.ts beside
// it: the server sources type-check against Node's fetch types, not the DOM's that browser code needs,
// so the browser tests' TypeScript program must not compile them (see server-bridge.d.ts).
import { startAppWithFakes } from '../../../../server/test/support/with-fakes';

export async function startServerWithFakes(env) {
  const { app, fake, close } = await startAppWithFakes({ env });
  return {
    fake,
    server: {
      url: app.url,
      // The array the server's canary scan reads when it closes (apps/server/test/support/app.ts).
      scannedResponses: app.client.responses,
      close,
    },
  };
}
