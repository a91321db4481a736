package concord.connector.sandbox.internal;

import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.SandboxUser;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The sandbox's shared state: projects, tokens, authkeys, fault plans and banned IPs. Thread-safe. */
public final class SandboxState {
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, ProjectData> projects = new ConcurrentHashMap<>();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> authkeys = new ConcurrentHashMap<>();
    private final Map<Integer, FaultInjector> faults = new ConcurrentHashMap<>();
    private final Set<String> bannedIps = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Long>> recentRequests = new ConcurrentHashMap<>();
    private final AtomicInteger nextProjectId = new AtomicInteger(14);
    private final String redcapVersion;
    private volatile String baseUrl = "http://localhost/";

    public SandboxState(String redcapVersion) {
        this.redcapVersion = redcapVersion;
    }

    public String redcapVersion() {
        return redcapVersion;
    }

    /** The REDCap home URL ({@code http://host:port/}), sent as {@code redcap_url} in Data Entry Triggers. */
    public String baseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String projectUrl(ProjectData p) {
        return baseUrl + "redcap_v" + redcapVersion + "/index.php?pid=" + p.projectId();
    }

    public int addProject(ProjectData project) {
        int id = nextProjectId.getAndIncrement();
        project.setProjectId(id);
        projects.put(id, project);
        return id;
    }

    public ProjectData project(int id) {
        ProjectData p = projects.get(id);
        if (p == null) {
            throw new IllegalArgumentException("The sandbox has no project " + id + "; projects: " + projects.keySet());
        }
        return p;
    }

    public Map<Integer, ProjectData> projects() {
        return projects;
    }

    /** A new 32-character upper-case hex token for the user in the project. */
    public String createToken(int projectId, SandboxUser user) {
        ProjectData p = project(projectId);
        checkDag(p, user);
        String token = hex(16);
        tokens.put(token, new Grant(p, user));
        return token;
    }

    /** Registers a caller-chosen token (32 hex characters), e.g. a fixed token for a demo. */
    public void registerToken(int projectId, SandboxUser user, String token) {
        if (!token.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("A REDCap API token is 32 hexadecimal characters.");
        }
        ProjectData p = project(projectId);
        checkDag(p, user);
        tokens.put(token.toUpperCase(java.util.Locale.ROOT), new Grant(p, user));
    }

    private static void checkDag(ProjectData p, SandboxUser user) {
        if (user.dataAccessGroup() != null && p.dag(user.dataAccessGroup()) == null) {
            throw new IllegalArgumentException("Project " + p.projectId() + " has no data access group '" + user.dataAccessGroup()
                    + "'; its groups: " + p.dags().stream().map(DagDef::uniqueName).toList());
        }
    }

    public Grant grantForToken(String token) {
        return token == null ? null : tokens.get(token.toUpperCase(java.util.Locale.ROOT));
    }

    /** Users holding a token for the project, by username (the latest grant wins), in username order. */
    public java.util.List<SandboxUser> users(ProjectData project) {
        Map<String, SandboxUser> byName = new java.util.TreeMap<>();
        tokens.values().stream().filter(g -> g.project() == project).forEach(g -> byName.put(g.user().username(), g.user()));
        return java.util.List.copyOf(byName.values());
    }

    public boolean revokeToken(String token) {
        return tokens.remove(token.toUpperCase(java.util.Locale.ROOT)) != null;
    }

    public String issueAuthkey(int projectId, SandboxUser user) {
        String key = hex(20);
        authkeys.put(key, new Grant(project(projectId), user));
        return key;
    }

    public Grant grantForAuthkey(String key) {
        return authkeys.get(key);
    }

    public void setFaults(int projectId, FaultPlan plan) {
        project(projectId);
        faults.put(projectId, new FaultInjector(plan));
    }

    public FaultInjector faults(int projectId) {
        return faults.computeIfAbsent(projectId, id -> new FaultInjector(FaultPlan.none()));
    }

    public boolean isBanned(String ip) {
        return bannedIps.contains(ip);
    }

    /**
     * Counts a request from {@code ip} in a sliding minute and bans the IP once more than {@code limit} arrived;
     * returns whether the IP is now banned.
     */
    public boolean countRequest(String ip, int limit, long nowMillis) {
        if (limit <= 0) {
            return isBanned(ip);
        }
        Deque<Long> times = recentRequests.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(nowMillis);
            while (!times.isEmpty() && times.peekFirst() <= nowMillis - 60_000) {
                times.removeFirst();
            }
            if (times.size() > limit) {
                bannedIps.add(ip);
            }
        }
        return isBanned(ip);
    }

    public void liftBans() {
        bannedIps.clear();
        recentRequests.clear();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
