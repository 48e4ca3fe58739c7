using TriageBot.Host.Health;
using YamlDotNet.RepresentationModel;
using static TriageBot.Host.Tests.Deployment.DeploymentExpectations;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// <c>deployment/k8s</c>: the Deployment's probes, user, ports and environment against the app and the image, and
/// that the Service, Ingress, HPA and PodDisruptionBudget all point at it.
/// </summary>
public sealed class KubernetesTests
{
    private static readonly List<YamlMappingNode> Documents =
        [.. Directory.GetFiles(DeploymentFiles.PathOf("k8s"), "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => DeploymentFiles.Yaml("k8s", Path.GetFileName(f)))];

    private static YamlMappingNode Deployment => Documents.OfKind("Deployment");

    private static YamlNode Pod => Deployment.At("spec").At("template").At("spec");

    private static YamlNode Container => Assert.Single(Pod.At("containers").Items());

    private static YamlNode ContainerPort => Assert.Single(Container.At("ports").Items());

    [Fact]
    public void Kustomization_AppliesEveryManifest()
    {
        var listed = DeploymentFiles.Yaml("k8s", "kustomization.yaml")[0].At("resources").Items().Select(r => r.Text()).Order();
        var files = Directory.GetFiles(DeploymentFiles.PathOf("k8s"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();

        Assert.Equal(files, listed);
    }

    [Fact]
    public void Deployment_ProbesAskTheLiveAndReadyEndpoints_OnTheImagesPort()
    {
        Assert.Equal(ImagePort, int.Parse(ContainerPort.At("containerPort").Text(), System.Globalization.CultureInfo.InvariantCulture));
        var portName = ContainerPort.At("name").Text();

        Assert.Equal(HealthEndpoints.LivePath, Container.At("livenessProbe").At("httpGet").At("path").Text());
        Assert.Equal(HealthEndpoints.ReadyPath, Container.At("readinessProbe").At("httpGet").At("path").Text());
        Assert.Equal(HealthEndpoints.LivePath, Container.At("startupProbe").At("httpGet").At("path").Text());
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal(portName, Container.At(probe).At("httpGet").At("port").Text());
        }

        Assert.Equal($"{ImagePort}", Assert.Single(Container.At("env").Items(), e => e.At("name").Text() == "ASPNETCORE_HTTP_PORTS").At("value").Text());
    }

    [Fact]
    public void Deployment_RunsAsTheImagesNonRootUser_OnAReadOnlyRoot_WithDataAndTmpMounted()
    {
        Assert.Equal("true", Pod.At("securityContext").At("runAsNonRoot").Text());
        Assert.Equal($"{ImageUser}", Pod.At("securityContext").At("runAsUser").Text());
        var security = Container.At("securityContext");
        Assert.Equal("true", security.At("readOnlyRootFilesystem").Text());
        Assert.Equal("false", security.At("allowPrivilegeEscalation").Text());
        Assert.Contains("ALL", security.At("capabilities").At("drop").Items().Select(c => c.Text()));

        var mounts = Container.At("volumeMounts").Items().Select(m => m.At("mountPath").Text()).ToList();
        Assert.Contains(ImageDataDirectory, mounts);
        Assert.Contains("/tmp", mounts);
        Assert.NotNull(Container.At("resources").At("requests").Find("cpu"));
        Assert.NotNull(Container.At("resources").At("limits").Find("memory"));
    }

    [Fact]
    public async Task Deployment_EnvironmentFromItsConfigMapSecretAndEnv_NamesKeysTheAppReads()
    {
        var configMap = Documents.OfKind("ConfigMap");
        var secret = Documents.OfKind("Secret");
        var sources = Container.At("envFrom").Items().ToList();
        Assert.Contains(sources, s => s.Find("configMapRef")?.At("name").Text() == configMap.At("metadata").At("name").Text());
        Assert.Contains(sources, s => s.Find("secretRef")?.At("name").Text() == secret.At("metadata").At("name").Text());

        await AssertAppReads("ConfigMap", configMap.At("data").Entries().Select(e => KeyValuePair.Create(e.Key, e.Value.Text())));
        await AssertAppReads("Secret", secret.At("stringData").Entries().Select(e => KeyValuePair.Create(e.Key, e.Value.Text())));
        await AssertAppReads("Deployment env", Container.At("env").Items().Select(e => KeyValuePair.Create(e.At("name").Text(), e.At("value").Text())));
        Assert.Contains(Container.At("env").Items(), e => e.At("name").Text() == "Storage__DataDirectory" && e.At("value").Text() == ImageDataDirectory);
    }

    [Fact]
    public void ServiceIngressAutoscalerAndDisruptionBudget_AllPointAtTheDeployment()
    {
        var name = Deployment.At("metadata").At("name").Text();
        var podLabels = Deployment.At("spec").At("template").At("metadata").At("labels");
        var service = Documents.OfKind("Service");
        var ingress = Documents.OfKind("Ingress");
        var autoscaler = Documents.OfKind("HorizontalPodAutoscaler");
        var budget = Documents.OfKind("PodDisruptionBudget");

        AssertSelects(podLabels, service.At("spec").At("selector"));
        AssertSelects(podLabels, budget.At("spec").At("selector").At("matchLabels"));
        var servicePort = Assert.Single(service.At("spec").At("ports").Items());
        Assert.Equal(ContainerPort.At("name").Text(), servicePort.At("targetPort").Text());

        var backend = Assert.Single(Assert.Single(ingress.At("spec").At("rules").Items()).At("http").At("paths").Items()).At("backend").At("service");
        Assert.Equal(service.At("metadata").At("name").Text(), backend.At("name").Text());
        Assert.Equal(servicePort.At("name").Text(), backend.At("port").At("name").Text());

        Assert.Equal(("Deployment", name), (autoscaler.At("spec").At("scaleTargetRef").At("kind").Text(), autoscaler.At("spec").At("scaleTargetRef").At("name").Text()));
        var minReplicas = int.Parse(autoscaler.At("spec").At("minReplicas").Text(), System.Globalization.CultureInfo.InvariantCulture);
        var minAvailable = int.Parse(budget.At("spec").At("minAvailable").Text(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(minAvailable < minReplicas, "The disruption budget must let a node drain evict a pod at the autoscaler's minimum.");
    }

    [Fact]
    public void Ingress_KeepsDirectLineStreamsOpenLongerThanTheKeepAlive()
    {
        var annotations = Documents.OfKind("Ingress").At("metadata").At("annotations");
        var readTimeout = TimeSpan.FromSeconds(int.Parse(annotations.At("nginx.ingress.kubernetes.io/proxy-read-timeout").Text(), System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(readTimeout > new Channels.DirectLine.DirectLineOptions().KeepAliveInterval * 4);
    }

    private static void AssertSelects(YamlNode podLabels, YamlNode selector)
    {
        foreach (var (key, value) in selector.Entries())
        {
            Assert.Equal(value.Text(), podLabels.At(key).Text());
        }
    }
}
