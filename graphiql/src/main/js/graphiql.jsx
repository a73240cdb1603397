// GraphiQL for Chargebase, bundled into the application's own assets so that it works offline and behind firewalls.
// Headers (where a bearer token goes) are kept in memory only: shouldPersistHeaders is off and the storage GraphiQL
// writes its tabs to never receives them.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

const params = new URLSearchParams(window.location.search);
const endpoint = params.get('path') || '/graphql';
const fetcher = createGraphiQLFetcher({ url: endpoint });

/** localStorage for queries and tabs, with any header value dropped before it is written. */
const storage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => {
    if (/headers/i.test(key)) {
      return;
    }
    window.localStorage.setItem(key, stripHeaders(value));
  },
  removeItem: (key) => window.localStorage.removeItem(key),
  clear: () => window.localStorage.clear(),
  get length() {
    return window.localStorage.length;
  },
};

/** The stored value without any "headers" property at any depth (tabs and history both keep them). */
function stripHeaders(value) {
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  const strip = (node) => {
    if (Array.isArray(node)) {
      return node.map(strip);
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, key === 'headers' ? null : strip(inner)]));
    }
    return node;
  };
  return JSON.stringify(strip(parsed));
}

const defaultQuery = `# Chargebase GraphQL. Put your access token into the Headers tab below, e.g.
# { "Authorization": "Bearer <access_token>" }
# (get one with the client-credentials curl in the README; it is kept in memory only).
{
  me {
    roles
    tenant { name }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, storage, shouldPersistHeaders: false, defaultQuery }),
);
