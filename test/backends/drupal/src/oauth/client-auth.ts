import type { SimpleOauthVersion } from "../config.js";
import { consumerById, type Consumer } from "../site.js";
import { invalidClient, invalidRequest } from "./errors.js";

/** What the token request says about the client. */
export interface ClientCredentials {
  /** `client_id` from the form body. */
  bodyId: string | undefined;
  /** `client_secret` from the form body. */
  bodySecret: string | undefined;
  /** HTTP Basic credentials, when sent. */
  basic: { user: string; password: string } | undefined;
  /** The raw `Authorization` header, for the challenge on invalid_client. */
  authorization: string | undefined;
}

/**
 * The client id the request names. 6.x's token controller reads it from the
 * body only and refuses the request without it, whatever HTTP Basic says;
 * league/oauth2-server (all 5.x needs) falls back to the Basic user name.
 */
export function requestedClientId(
  credentials: ClientCredentials,
  version: SimpleOauthVersion,
): string {
  const id = version >= 6 ? credentials.bodyId : (credentials.bodyId ?? credentials.basic?.user);
  if (id === undefined || id === "") throw invalidRequest("client_id");
  return id;
}

/** The consumer with that id (ClientRepository::getClientEntity), else invalid_client. */
export function findConsumer(clientId: string, credentials: ClientCredentials): Consumer {
  const consumer = consumerById(clientId);
  if (!consumer) throw invalidClient(credentials.authorization);
  return consumer;
}

/**
 * AbstractGrant::validateClient: a confidential consumer needs its secret,
 * from the body or else from HTTP Basic.
 */
export function validateClientSecret(consumer: Consumer, credentials: ClientCredentials): void {
  if (!consumer.confidential) return;
  const secret = credentials.bodySecret ?? credentials.basic?.password;
  if (secret === undefined || secret !== consumer.secret) {
    throw invalidClient(credentials.authorization);
  }
}
