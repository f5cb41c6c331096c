import { SetMetadata } from "@nestjs/common";

export const RESOURCE_CALL = "cnja:resource-call";

/**
 * Marks a route whose answers the contract counts as `resourceCalls` /
 * `rejectedResourceCalls` (the demo resource and the profile; not logout).
 */
export const ResourceCall = () => SetMetadata(RESOURCE_CALL, true);
