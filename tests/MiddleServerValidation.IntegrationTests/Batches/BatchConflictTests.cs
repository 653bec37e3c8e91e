using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>
/// Rows of one file that conflict with each other are decided as if they had arrived one by one, in file order:
/// the same rows sent as single messages, each waiting for the one before, give the same outcomes, also when
/// the conflicting rows fall into different chunks.
/// </summary>
public sealed class BatchConflictTests(BatchConflictTests.Fixture fixture) : IClassFixture<BatchConflictTests.Fixture>
{
    private const int BatchSeed = 8_100_000;
    private const int MessageSeed = 8_200_000;

    public sealed class Fixture : BatchFixture
    {
        protected override IEnumerable<string> ExtraResidents => new[] { BatchSeed, MessageSeed }.SelectMany(seed => new[]
        {
            $"{TestData.PersonalNumber(seed + 1)},シカク タロウ,2004-08-04,1",
            $"{TestData.PersonalNumber(seed + 3)},ヤマダ ハナコ,1990-03-03,2",
            $"{TestData.PersonalNumber(seed + 4)},シヨウ ケン,1975-12-12,1",
        });
    }

    /// <summary>(id, number index, birth date, kana name): one story per number, interleaved across chunk boundaries.</summary>
    private static readonly (string Id, int Number, string BirthDate, string Kana)[] Story =
    [
        ("C01", 1, "2004-08-04", "シカク タロウ"),   // new, J-LIS confirms: Accepted
        ("C02", 3, "1990-03-03", "シカク ハナコ"),   // new, J-LIS has another surname: Suspected JlisKanaNameMismatch
        ("C03", 1, "H16.8.4", "シカク ジロウ"),     // twin of C01: Suspected KanaNameMismatch (J-LIS agrees with C01)
        ("C04", 2, "1999-09-09", "シカク サブロウ"), // unknown to J-LIS: Suspected JlisNotFound
        ("C05", 3, "1990-03-03", "ヤマダ ハナコ"),   // no accepted history yet, J-LIS confirms: Accepted
        ("C06", 1, "2005-01-01", "シカク タロウ"),   // another birth date than C01 and J-LIS: Suspected BirthDateMismatch
        ("C07", 2, "1999-09-09", "シカク サブロウ"), // still no accepted history: Suspected JlisNotFound again
        ("C08", 4, "S50.12.12", "ｼｮｳ ｹﾝ"),         // small kana folded, half-width: J-LIS's シヨウ ケン: Accepted
        ("C09", 3, "平成2年3月3日", "スズキ ハナコ"), // surname change against C05, J-LIS still says ヤマダ: Suspected
        ("C10", 1, "2004-08-04", "しかく たろう"),   // hiragana of C01: history and J-LIS agree, Accepted
        ("C11", 4, "1975-12-12", "シヨウ ケン"),     // agrees with C08 and J-LIS
        ("C12", 3, "1990-03-03", "ヤマダ　ハナコ"),  // full-width space; agrees with C05 and J-LIS
    ];

    [Fact]
    public async Task Conflicts_inside_a_batch_are_decided_as_one_by_one_in_file_order()
    {
        // Chunks of 4: C01/C03 share a chunk, C06 and C10 come chunks later.
        await fixture.StartWorkerAsync(new Dictionary<string, string?> { ["Batches:ChunkSize"] = "4" });
        using var api = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerA)));
        var file = BatchColumns.HeaderLine + "\n" + string.Join("\n", Story.Select(r =>
            $"{r.Id},,{TestData.PersonalNumber(BatchSeed + r.Number)},{r.BirthDate},{r.Kana},,77,{r.Id[1..]},00,")) + "\n";

        var id = await api.SubmitAsync(BatchApi.Utf8(file));
        await api.WaitCompletedAsync(id);
        var batch = (await api.ResultsAsync(id)).Select(l => (l.Outcome, l.Codes)).ToList();

        var oneByOne = new List<(string, string)>();
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        foreach (var r in Story)
        {
            await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration(
                "M" + r.Id, TestData.PersonalNumber(MessageSeed + r.Number), r.BirthDate, r.Kana, TestData.InsurerB) with { CardNumber = r.Id[1..] }));
            var notice = Assert.Single(await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 1, BatchApi.Timeout)).Message;
            oneByOne.Add((notice.GetProperty("outcome").GetString()!,
                string.Join(';', notice.GetProperty("reasons").EnumerateArray().Select(x => x.GetProperty("code").GetString()))));
        }

        Assert.Equal(oneByOne, batch);
        Assert.Equal(
            ["Accepted", "Suspected", "Suspected", "Suspected", "Accepted", "Suspected", "Suspected", "Accepted", "Suspected", "Accepted", "Accepted", "Accepted"],
            batch.Select(b => b.Outcome));
        // Every registration is checked against J-LIS (the default policy): each fact it contradicts has its own code.
        Assert.Equal(["JlisConfirmed", "JlisKanaNameMismatch", "KanaNameMismatch;JlisKanaNameMismatch", "JlisNotFound", "JlisConfirmed",
            "BirthDateMismatch;JlisBirthDateMismatch", "JlisNotFound", "JlisConfirmed", "JlisKanaNameMismatch", "JlisConfirmed", "JlisConfirmed",
            "JlisConfirmed"], batch.Select(b => b.Codes));
    }
}
