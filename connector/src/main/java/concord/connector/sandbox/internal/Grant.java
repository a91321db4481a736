package concord.connector.sandbox.internal;

import concord.connector.sandbox.SandboxUser;

/** What a token or authkey stands for: one user in one project. */
public record Grant(ProjectData project, SandboxUser user) {
}
