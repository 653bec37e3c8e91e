using System.Text.RegularExpressions;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Deployment;

/// <summary>
/// What the repository's deployment files default to: an operator who applies them as they are gets a locked-down
/// stack, not a demo one. Read as text (no cluster or Docker daemon here): every manifest document, the compose file,
/// the image build.
/// </summary>
public sealed partial class DeploymentDefaultsTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryRoot.Path, .. path]));

    private static List<string> Manifests() =>
    [
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes"), "*.yaml")
            .SelectMany(file => Regex.Split(File.ReadAllText(file), @"^---\s*$", RegexOptions.Multiline))
            .Where(document => Kind(document) is not null),
    ];

    private static string? Kind(string document) => KindLine().Match(document) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? Name(string document) => NameLine().Match(document) is { Success: true } match
        ? match.Groups[match.Groups[1].Success ? 1 : 2].Value
        : null;

    private static string Document(string kind, string name) => Manifests().Single(d => Kind(d) == kind && Name(d) == name);

    [Fact]
    public void The_build_context_leaves_out_local_state_keys_and_build_output()
    {
        var ignored = Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { ".local/", ".git/", "**/bin/", "**/obj/", "**/TestResults/", "**/*.env", ".env" }, ignored);
    }

    [Fact]
    public void The_image_runs_as_a_numeric_non_root_user()
    {
        var user = Assert.Single(Regex.Matches(Read("deploy", "Dockerfile"), @"^USER\s+(\S+)", RegexOptions.Multiline)).Groups[1].Value;

        Assert.Equal("$APP_UID", user);
    }

    [Fact]
    public void Docker_compose_has_no_default_credentials_and_listens_on_loopback_only()
    {
        var compose = Read("docker-compose.yml");

        Assert.DoesNotContain("guest", compose);
        Assert.DoesNotContain("Password=postgres", compose);
        Assert.DoesNotMatch(@"\$\{[A-Z_]*(PASSWORD|USER)[A-Z_]*:-", compose);
        foreach (var variable in new[] { "POSTGRES_PASSWORD", "RABBITMQ_USER", "RABBITMQ_PASSWORD", "PERSONAL_DATA_HMAC_KEY", "PERSONAL_DATA_ENCRYPTION_KEY" })
        {
            Assert.Contains("${" + variable + ":?", compose);
        }

        var ports = Regex.Matches(compose, @"^\s*ports:\s*\[(.*)\]", RegexOptions.Multiline).SelectMany(m => m.Groups[1].Value.Split(',')).ToList();
        Assert.NotEmpty(ports);
        Assert.All(ports, port => Assert.StartsWith("\"127.0.0.1:", port.Trim()));
    }

    [Fact]
    public void Every_pod_runs_locked_down_with_resource_limits()
    {
        var workloads = Manifests().Where(d => Kind(d) is "Deployment" or "Job").ToList();

        Assert.Equal(["jlis-stub", "middle-server-validation-migrate", "web", "worker"], workloads.Select(Name).Order());
        Assert.All(workloads, pod =>
        {
            foreach (var setting in new[]
            {
                "runAsNonRoot: true", "runAsUser: 1654", "seccompProfile: { type: RuntimeDefault }", "allowPrivilegeEscalation: false",
                "readOnlyRootFilesystem: true", "capabilities: { drop: [ALL] }", "automountServiceAccountToken: false", "limits:",
            })
            {
                Assert.True(pod.Contains(setting, StringComparison.Ordinal), $"{Name(pod)}: {setting}");
            }
        });
    }

    [Fact]
    public void Web_and_worker_read_secrets_of_their_own_each_with_its_own_broker_and_database_user()
    {
        var web = Document("Secret", "web");
        var worker = Document("Secret", "worker");
        var migrate = Document("Secret", "migrate");

        Assert.Contains("secretRef: { name: web }", Document("Deployment", "web"));
        Assert.Contains("secretRef: { name: worker }", Document("Deployment", "worker"));
        Assert.Contains("secretRef: { name: migrate }", Document("Job", "middle-server-validation-migrate"));
        Assert.DoesNotContain(Manifests(), d => Kind(d) == "Secret" && Name(d) == "middle-server-validation");
        Assert.Contains("RabbitMq__Username: msv-web", web);
        Assert.Contains("RabbitMq__Username: msv-worker", worker);
        Assert.DoesNotContain("RabbitMq__", migrate);
        Assert.DoesNotContain("PersonalData__", migrate);
        foreach (var secret in new[] { web, worker, migrate })
        {
            Assert.Contains("SSL Mode=VerifyFull;Root Certificate=", secret);
        }
    }

    [Fact]
    public void The_console_marks_its_cookies_secure_and_the_worker_reaches_jlis_over_https()
    {
        Assert.Contains("Console__SecureCookies: \"true\"", Document("ConfigMap", "web"));
        Assert.Contains("ForwardedHeaders__KnownNetworks__0:", Document("ConfigMap", "web"));
        Assert.Matches(@"Jlis__BaseAddress: https://", Document("ConfigMap", "worker"));
    }

    [Fact]
    public void Network_policies_deny_by_default_and_open_only_the_paths_the_service_uses()
    {
        var policies = Manifests().Where(d => Kind(d) == "NetworkPolicy").ToDictionary(d => Name(d)!);

        Assert.Contains("podSelector: {}", policies["default-deny"]);
        Assert.Contains("policyTypes: [Ingress, Egress]", policies["default-deny"]);
        Assert.Contains("ingress-nginx", policies["web"]);
        foreach (var (pod, peers) in new[] { ("web", new[] { "postgres", "rabbitmq" }), ("worker", new[] { "postgres", "rabbitmq", "jlis" }) })
        {
            Assert.Contains($"podSelector: {{ matchLabels: {{ app: {pod} }} }}", policies[pod]);
            Assert.All(peers.Append("kube-dns"), peer => Assert.Contains(peer, policies[pod]));
        }

        Assert.DoesNotContain("jlis", policies["web"]);
    }

    [Fact]
    public void Production_runs_a_three_node_broker_a_synchronous_standby_and_disruption_budgets()
    {
        var broker = Document("RabbitmqCluster", "rabbitmq");
        var database = Document("Cluster", "postgres");
        var shared = Document("ConfigMap", "middle-server-validation");

        Assert.Contains("replicas: 3", broker);
        Assert.Contains("default_queue_type = quorum", broker);
        Assert.Contains("RabbitMq__QuorumQueues: \"true\"", shared);
        Assert.Equal(3, Regex.Match(shared, @"RabbitMq__ClusterNodes: ""([^""]*)""").Groups[1].Value.Split(',').Length);
        Assert.Contains("instances: 3", database);
        Assert.Contains("minSyncReplicas: 1", database);
        // Every host finds the primary again after a failover: it asks for the server taking writes.
        Assert.All(new[] { "web", "worker", "migrate" }, secret => Assert.Contains("Target Session Attributes=read-write", Document("Secret", secret)));
        var budgets = Manifests().Where(d => Kind(d) == "PodDisruptionBudget").Select(Name).Order().ToList();
        Assert.Equal(["rabbitmq", "web", "worker"], budgets);
        Assert.Contains("enablePDB: true", database);
        Assert.Contains("readinessProbe: { httpGet: { path: /health/ready", Document("Deployment", "worker"));
    }

    [GeneratedRegex(@"^kind:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    // metadata: { name: web } or metadata:\n  name: web
    [GeneratedRegex(@"^metadata:\s*(?:\{\s*name:\s*([^\s,}]+)|\n\s+name:\s*(\S+))", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
