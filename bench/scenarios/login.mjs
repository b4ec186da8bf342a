// login: 100 logins/s arrive while 1,000 signed-in sessions make
// authenticated requests as fast as the server answers them.
import autocannon from 'autocannon';
import { BASE, DURATION_S, body, graphql, row } from '../lib.mjs';

const SESSIONS = 1_000;
const LOGINS_PER_SECOND = 100;
const DEMO = { email: 'shopper@bazaar.test', password: 'bazaar-demo-pass' };
const LOGIN =
  'mutation Login($email: String!, $password: String!) { sessionCreate(input: { email: $email, password: $password }) { session { accessToken } errors { code } } }';

export async function loginScenario() {
  console.log(`Opening ${SESSIONS} sessions...`);
  const tokens = [];
  while (tokens.length < SESSIONS) {
    const batch = await Promise.all(Array.from({ length: 20 }, () => graphql(LOGIN, DEMO)));
    for (const data of batch) tokens.push(data.sessionCreate.session.accessToken);
  }
  let next = 0;
  const reads = autocannon({
    url: `${BASE}/graphql`,
    connections: 50,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
          },
          body: body('query Me { viewer { user { id name } permissions } }'),
        }),
      },
    ],
  });
  const logins = autocannon({
    url: `${BASE}/graphql`,
    // Enough connections that a slow answer never holds back the offered rate.
    connections: 100,
    overallRate: LOGINS_PER_SECOND,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(LOGIN, DEMO),
  });
  const [signedIn, signIns] = await Promise.all([reads, logins]);
  return [
    row(`login (${LOGINS_PER_SECOND}/s offered)`, signIns, 'p99 < 3 s'),
    row(`authenticated reads (${SESSIONS} sessions, during logins)`, signedIn, '-'),
  ];
}
