// What every client's code below is written against: a way to run a typed operation document. The transport is each
// app's own (HTTP for queries and mutations, graphql-transport-ws for subscriptions); what these files pin down is
// what a client sends and what it reads back, so that a schema change breaking either fails the type check.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export type Execute = <Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) => Promise<Result>;

/** Starts a subscription; the returned function ends it. */
export type Subscribe = <Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  next: (result: Result) => void,
) => () => void;

export interface UserError {
  readonly code: string;
  readonly field: ReadonlyArray<string> | null;
  readonly message: string;
}

/** A mutation's user errors as a form shows them: by the input field they concern ('' for the form as a whole). */
export function errorsByField(errors: ReadonlyArray<UserError>): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const field = error.field?.join('.') ?? '';
    byField.set(field, [...(byField.get(field) ?? []), error.message]);
  }
  return byField;
}

/** An exact decimal from the API (Decimal travels as text) shown with the currency, without a binary float. */
export function money(amount: string, currency: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${currency} ${whole}.${(fraction + '00').slice(0, 2)}`;
}

/** A DateTime from the API (ISO-8601 text). */
export function instant(value: string): Date {
  return new Date(value);
}
