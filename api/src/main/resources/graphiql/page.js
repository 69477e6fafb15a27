/*
 * The GraphiQL page's own script (a file, not inline, so the Content-Security-Policy can forbid
 * inline scripts). It keeps the bearer token and the purpose in two variables of this closure
 * and nowhere else: GraphiQL gets a storage that lives in memory, so neither its tabs nor any
 * headers reach localStorage, sessionStorage, cookies or the address bar.
 */
(function () {
  'use strict';

  let token = '';
  let purpose = '';

  const endpoint = new URL('graphql', document.baseURI).toString();
  const tokenField = document.getElementById('token');
  const purposeField = document.getElementById('purpose');
  const status = document.getElementById('status');
  document.getElementById('token-url').textContent = new URL('oauth2/token', document.baseURI).toString();

  // GraphiQL's Storage: a Map that dies with the page.
  const memory = new Map();
  const inMemoryStorage = {
    getItem: (key) => (memory.has(key) ? memory.get(key) : null),
    setItem: (key, value) => memory.set(key, String(value)),
    removeItem: (key) => memory.delete(key),
    clear: () => memory.clear(),
    key: (index) => Array.from(memory.keys())[index] ?? null,
    get length() {
      return memory.size;
    },
  };

  // Sends the token and purpose as they are when the query runs. Refusals (401, 403) come back
  // as problem details, shown in the result pane as they are.
  async function fetcher(params) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (purpose) {
      headers['X-Purpose'] = purpose;
    }
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (notJson) {
      return { status: response.status, body: text };
    }
  }

  // When the token's expiry can be read from it, say when; the page never checks the token.
  function expiry(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const exp = JSON.parse(atob(payload)).exp;
      return exp ? ', until ' + new Date(exp * 1000).toLocaleTimeString() : '';
    } catch (notAJwt) {
      return '';
    }
  }

  function describe() {
    status.textContent = token
      ? 'Token in use' + expiry(token) + (purpose ? ', purpose ' + purpose : ', no purpose') + '.'
      : 'No token: queries are refused (401).';
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));

  // Without a token the schema is not asked for (it would only be refused); a new fetcher after
  // "Use" makes GraphiQL load it with the new token.
  function render() {
    const send = (params) => fetcher(params);
    root.render(
      React.createElement(GraphiQL, {
        fetcher: send,
        schema: token ? undefined : null,
        storage: inMemoryStorage,
        shouldPersistHeaders: false,
        // The token and purpose fields above are the one place for headers.
        isHeadersEditorEnabled: false,
        defaultQuery: '# Paste a token and a purpose above, press Use, then run (Ctrl-Enter).\n{ forces { code name } }\n',
      })
    );
  }

  // An empty token field keeps the token in use, so the purpose can change on its own.
  function use() {
    const typed = tokenField.value.trim();
    if (typed) {
      token = typed;
    }
    purpose = purposeField.value.trim();
    // The field is emptied so the token is not left in the page's form state either.
    tokenField.value = '';
    describe();
    render();
  }

  function forget() {
    token = '';
    purpose = '';
    tokenField.value = '';
    purposeField.value = '';
    describe();
    render();
  }

  document.getElementById('use').addEventListener('click', use);
  document.getElementById('forget').addEventListener('click', forget);
  for (const field of [tokenField, purposeField]) {
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        use();
      }
    });
  }

  describe();
  render();
})();
