using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.InsurerKeys;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>Each insurer sees only its own batches; no key, a wrong key or a revoked key answers 401, never a redirect.</summary>
public sealed class BatchAuthenticationTests(BatchFixture fixture) : IClassFixture<BatchFixture>
{
    private static byte[] File(string id) => BatchApi.Utf8(
        $"{BatchColumns.HeaderLine}\n{id},,{TestData.PersonalNumber(42)},1980-01-01,シカク ハナコ,2,77,1,00,\n");

    [Fact]
    public async Task Another_insurers_key_cannot_see_a_batch()
    {
        await fixture.EnsureWorkerAsync();
        using var insurerA = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerA)));
        using var insurerB = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerB)));
        var id = await insurerA.SubmitAsync(File("AUTH-1"));
        await insurerA.WaitCompletedAsync(id);

        foreach (var path in new[] { $"/api/v1/batches/{id}", $"/api/v1/batches/{id}/results" })
        {
            using var response = await insurerB.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("バッチが見つかりません", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal("AUTH-1", Assert.Single(await insurerA.ResultsAsync(id)).RegistrationId);
    }

    [Fact]
    public async Task No_key_or_a_wrong_key_answers_401_with_a_problem_body()
    {
        var valid = await fixture.CreateApiKeyAsync(TestData.InsurerA);
        var (_, unknown) = ApiKeyFormat.Generate();
        var tampered = valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A');
        var revoked = await fixture.CreateApiKeyAsync(TestData.InsurerA);
        await using (var db = fixture.CreateDbContext())
        {
            var keyId = ApiKeyFormat.KeyIdOf(revoked);
            await db.Set<InsurerApiKey>().Where(k => k.KeyId == keyId)
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        }

        foreach (var key in new[] { null, "not-a-key", unknown, tampered, revoked })
        {
            using var api = new BatchApi(fixture.Client(key));
            using var upload = await api.PostAsync(File("AUTH-2"));
            using var status = await api.Http.GetAsync($"/api/v1/batches/{Guid.NewGuid()}");

            Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
            Assert.Equal("Bearer", upload.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("認証が必要です", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        await using var check = fixture.CreateDbContext();
        Assert.False(await check.Registrations.AnyAsync(r => r.RegistrationId == "AUTH-2"));
    }
}
