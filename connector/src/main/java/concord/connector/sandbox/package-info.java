/**
 * The REDCap sandbox: an in-process REDCap API emulator that ships as a product. {@link
 * concord.connector.sandbox.RedcapSandbox} serves {@code /api/} with REDCap's formats, status codes and error
 * texts; {@link concord.connector.sandbox.SandboxProject} seeds projects from REDCap's own files; {@link
 * concord.connector.sandbox.SandboxUser} carries a token's rights; {@link concord.connector.sandbox.FormSave}
 * fires Data Entry Triggers; {@link concord.connector.sandbox.FaultPlan} injects faults. See {@code docs/sandbox.md}.
 */
package concord.connector.sandbox;
