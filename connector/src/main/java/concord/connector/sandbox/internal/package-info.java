/** Sandbox internals: not an API. */
package concord.connector.sandbox.internal;
