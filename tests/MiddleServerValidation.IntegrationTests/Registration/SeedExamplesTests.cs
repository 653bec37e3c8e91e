using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Registration;

/// <summary>The MHLW figure's four cases (../shared/examples) through the running pipeline.</summary>
public sealed class SeedExamplesTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task The_seed_examples_give_the_expected_outcomes()
    {
        foreach (var row in TestData.Example("prior.csv"))
        {
            await Probe.PublishRegistrationAsync(TestData.Json(TestData.FromExample(row)));
        }

        var prior = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 3, Timeout);
        Assert.All(prior, n => Assert.Equal("Accepted", n.Message.GetProperty("outcome").GetString()));

        foreach (var row in TestData.Example("new.csv"))
        {
            await Probe.PublishRegistrationAsync(TestData.Json(TestData.FromExample(row)));
        }

        var received = (await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 4, Timeout))
            .Select(n => n.Message).ToDictionary(n => n.GetProperty("registrationId").GetString()!);
        foreach (var expected in TestData.Example("expected.csv"))
        {
            var notice = received[expected["registration_id"]];
            Assert.Equal(expected["outcome"], notice.GetProperty("outcome").GetString());
            Assert.Contains(expected["reason_code"], notice.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        }

        // A notice never discloses what the other insurer registered: not its number, name or birthdate.
        var suspected = JsonSerializer.Serialize(received["A-0002"]);
        Assert.DoesNotContain(TestData.InsurerB, suspected);
        Assert.DoesNotContain("イチロウ", suspected);
        Assert.DoesNotContain("1987", suspected);
        Assert.DoesNotContain("S62", suspected);
    }
}
