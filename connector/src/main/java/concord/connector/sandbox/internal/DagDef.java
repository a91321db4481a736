package concord.connector.sandbox.internal;

/** A data access group: its label, unique name and numeric id. */
public record DagDef(String label, String uniqueName, int id) {
}
