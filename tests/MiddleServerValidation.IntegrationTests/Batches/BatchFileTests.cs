using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>
/// Batch files through the HTTP API and the worker: the three encodings read alike, every kind of bad row is a
/// Rejected line of the results, and a file that is not CSV is refused whole with its line and column.
/// </summary>
public sealed class BatchFileTests(BatchFileTests.Fixture fixture) : IClassFixture<BatchFileTests.Fixture>, IAsyncLifetime
{
    private BatchApi _api = null!;

    public sealed class Fixture : BatchFixture
    {
        protected override IEnumerable<string> ExtraResidents => new[] { 100, 200, 300 }.SelectMany(seed => new[]
        {
            $"{TestData.PersonalNumber(seed + 1)},シカク ハナコ,1989-09-13,2",
            $"{TestData.PersonalNumber(seed + 2)},シカク タロウ,1990-01-01,1",
        });
    }

    public async Task InitializeAsync()
    {
        await fixture.EnsureWorkerAsync();
        _api = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerA)));
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A file with one row of each kind; <paramref name="prefix"/> and <paramref name="seed"/> keep files apart.</summary>
    private static string SampleFile(string prefix, int seed)
    {
        string N(int i) => TestData.PersonalNumber(seed + i);
        return string.Join("\r\n",
            BatchColumns.HeaderLine,
            $"{prefix}-01,06139992,{N(1)},H1.9.13,ｼｶｸ ﾊﾅｺ,2,77,5501,00,R3.4.1",
            $"{prefix}-02,,{N(2)},平成2年1月1日,しかく たろう,1,77,5502,01,2021-04-01",
            $"{prefix}-03,06139992,{N(1)[..11]}{(N(1)[11] - '0' + 1) % 10},H1.9.13,シカク ハナコ,2,77,5503,00,",
            $"{prefix}-04,,,H31.5.1,シカク イチロウ,1,77,5504,00,",
            $"{prefix}-05,01130012,{N(4)},1980-01-01,シカク サブロウ,1,77,5505,00,",
            $"{prefix}-06,06139992,{N(5)},1980-01-01,シカク シロウ",
            $"{prefix}-07,06139992,{N(1)},2000-01-01,シカク ハナコ,2,77,5507,00,",
            $"{prefix}-01,06139992,{N(6)},1970-05-05,シカク ゴロウ,1,77,5508,00,",
            $",06139992,{N(7)},1970-05-05,シカク ロクロウ,1,77,5509,00,",
            $"{prefix}-10,06139992,{N(3)},1999-09-09,\"シカク　ジロウ\",1,77,5510,00,",
            $"{prefix}-11,06139992,{N(8)},1985-02-02,シカク ナナコ,2,\"７７●\",5511,00,") + "\r\n";
    }

    private static readonly (string Suffix, string Outcome, string Code)[] Expected =
    [
        ("01", "Accepted", "JlisConfirmed"),
        ("02", "Accepted", "JlisConfirmed"),
        ("03", "Rejected", "PersonalNumberCheckDigit"),
        ("04", "Rejected", "BirthDateInvalid"),
        ("05", "Rejected", "InsurerNumberInvalid"),
        ("06", "Rejected", "FieldInvalid"),
        ("07", "Suspected", "BirthDateMismatch"),
        ("01", "Rejected", "FieldInvalid"),
        ("", "Rejected", "FieldMissing"),
        ("10", "Suspected", "JlisNotFound"),
        ("11", "Rejected", "CardNumberInvalidCharacter"),
    ];

    [Fact]
    public async Task Utf8_utf8_with_bom_and_cp932_files_give_the_same_results()
    {
        var cp932 = BatchEncodings.Get(BatchEncodings.ShiftJis);
        var utf8 = await _api.SubmitAsync(BatchApi.Utf8(SampleFile("U8", 100)));
        var bom = await _api.SubmitAsync(BatchApi.Utf8(SampleFile("BOM", 200), bom: true), "text/csv; charset=utf-8");
        var sjis = await _api.SubmitAsync(cp932.GetBytes(SampleFile("SJIS", 300)), "text/csv; charset=Shift_JIS");

        var results = new List<List<ResultLine>>();
        foreach (var (id, prefix) in new[] { (utf8, "U8"), (bom, "BOM"), (sjis, "SJIS") })
        {
            var status = await _api.WaitCompletedAsync(id);
            Assert.Equal(11, status.GetProperty("totalRows").GetInt32());
            Assert.Equal(11, status.GetProperty("rowsDone").GetInt32());
            var counts = status.GetProperty("counts");
            Assert.Equal((2, 7, 2, 0), (counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32(),
                counts.GetProperty("suspected").GetInt32(), counts.GetProperty("pending").GetInt32()));

            var lines = await _api.ResultsAsync(id);
            Assert.Equal(Expected.Select(e => (e.Suffix.Length == 0 ? "" : $"{prefix}-{e.Suffix}", e.Outcome)), lines.Select(l => (l.RegistrationId, l.Outcome)));
            Assert.All(Expected.Zip(lines), p => Assert.Contains(p.First.Code, p.Second.CodeList));
            results.Add(lines.Select(l => l with { RegistrationId = l.RegistrationId.Replace(prefix + "-", "") }).ToList());
        }

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);

        var lines8 = results[0];
        Assert.Contains("先の行と重複", lines8[7].Messages);
        Assert.Contains("列の数が見出し行と異なります", lines8[5].Messages);
        Assert.Contains("06139992", lines8[4].Messages);
        // Accepted rows carry the card-info warning only when it applies; every message is Japanese text, one per code.
        Assert.All(lines8, l => Assert.Equal(l.CodeList.Length, l.Messages.Split(';').Length));
    }

    [Fact]
    public async Task Rows_of_the_file_are_stored_once_under_the_callers_insurer_and_the_staged_rows_are_removed()
    {
        var id = await _api.SubmitAsync(BatchApi.Utf8(SampleFile("STORE", 400)));
        await _api.WaitCompletedAsync(id);

        await using var db = fixture.CreateDbContext();
        var stored = await db.Registrations.Where(r => r.BatchId == id.ToString()).ToListAsync();
        // Rows 05 (another insurer), 06 (columns), the repeated 01 and the one without an id are never stored.
        Assert.Equal(["STORE-01", "STORE-02", "STORE-03", "STORE-04", "STORE-07", "STORE-10", "STORE-11"],
            stored.Select(r => r.RegistrationId).Order());
        Assert.All(stored, r => Assert.Equal(TestData.InsurerA, r.InsurerNumber));
        Assert.Empty(await db.InsurerNotices().Where(n => stored.Select(r => (Guid?)r.Id).Contains(n.RegistrationId)).ToListAsync());
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM batch_rows WHERE batch_id = @id", id));
        Assert.Equal(11L, await ScalarAsync("SELECT count(*) FROM batch_results WHERE batch_id = @id", id));
    }

    [Fact]
    public async Task A_wrong_header_is_refused_with_its_line_and_column_and_nothing_is_stored()
    {
        var batchesBefore = await ScalarAsync("SELECT count(*) FROM batches", Guid.Empty);
        var file = SampleFile("HDR", 500).Replace("birth_date", "birthday");

        using var response = await _api.PostAsync(BatchApi.Utf8(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 4), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.Contains("1 行目 4 列目", problem.GetProperty("detail").GetString());
        // The place, never the cell's text: a header cell may as well hold a personal number.
        Assert.DoesNotContain("birthday", problem.GetProperty("detail").GetString());
        Assert.Equal(batchesBefore, await ScalarAsync("SELECT count(*) FROM batches", Guid.Empty));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM batch_rows", Guid.Empty));
    }

    [Fact]
    public async Task Registration_ids_a_spreadsheet_would_run_as_formulas_come_back_defused_in_the_results()
    {
        var file = string.Join("\r\n",
            BatchColumns.HeaderLine,
            $"\"=HYPERLINK(\"\"http://example.com\"\")\",06139992,{TestData.PersonalNumber(901)},1980-01-01,シカク ハナコ,2,77,5501,00,",
            $"＋FORMULA-02,06139992,{TestData.PersonalNumber(902)},1980-01-02,シカク タロウ,1,77,5502,00,",
            $"PLAIN-03,06139992,{TestData.PersonalNumber(903)},1980-01-03,シカク ジロウ,1,77,5503,00,") + "\r\n";

        var id = await _api.SubmitAsync(BatchApi.Utf8(file));
        await _api.WaitCompletedAsync(id);
        var lines = await _api.ResultsAsync(id);

        Assert.Equal(["'=HYPERLINK(\"http://example.com\")", "'＋FORMULA-02", "PLAIN-03"], lines.Select(l => l.RegistrationId));
    }

    [Fact]
    public async Task A_file_without_its_header_row_is_refused_without_echoing_the_first_rows_personal_number()
    {
        var number = TestData.PersonalNumber(800);
        var file = $"{number},NOHDR-01,06139992,1980-01-01,シカク ハナコ,2,77,5501,00,\r\n" +
            $"{TestData.PersonalNumber(801)},NOHDR-02,06139992,1980-01-02,シカク タロウ,1,77,5502,00,\r\n";

        using var response = await _api.PostAsync(BatchApi.Utf8(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((1, 1), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.Contains("1 行目が見出し行ではありません", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(number, body);
        Assert.DoesNotContain(number[^4..], body);
        Assert.DoesNotContain("シカク", body);
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(number, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stray-quote", 5, 5)]
    [InlineData("unclosed-quote", 13, 5)]
    [InlineData("nul", 4, 2)]
    [InlineData("cp932-as-utf8", 2, 5)]
    public async Task A_file_that_is_not_csv_is_refused_with_the_line_and_column_where_it_breaks(string kind, int line, int column)
    {
        var rows = SampleFile("BAD", 600).TrimEnd().Split("\r\n");
        var body = kind switch
        {
            "stray-quote" => BatchApi.Utf8(string.Join("\r\n", rows.Take(4).Append("BAD-X,06139992,,1980-01-01,シカ\"ク,1,77,1,00,").Concat(rows.Skip(4)))),
            "unclosed-quote" => BatchApi.Utf8(string.Join("\r\n", rows.Append("BAD-Z,06139992,,1980-01-01,\"シカク,1,77,1,00,"))),
            "nul" => BatchApi.Utf8(string.Join("\r\n", rows.Take(3).Append("BAD-Y,\0").Concat(rows.Skip(3)))),
            _ => BatchEncodings.Get(BatchEncodings.ShiftJis).GetBytes(string.Join("\r\n", rows)),
        };

        using var response = await _api.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((line, column), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.Contains($"{line} 行目", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("application/json", "text/csv")]
    [InlineData("text/csv; charset=iso-2022-jp", "iso-2022-jp")]
    public async Task Only_csv_in_utf8_or_shift_jis_is_accepted(string contentType, string named)
    {
        using var response = await _api.PostAsync(BatchApi.Utf8(SampleFile("CT", 700)), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_header_without_rows_is_refused_and_results_wait_for_completion()
    {
        using var empty = await _api.PostAsync(BatchApi.Utf8(BatchColumns.HeaderLine + "\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(2, (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line").GetInt32());

        using var unknown = await _api.Http.GetAsync($"/api/v1/batches/{Guid.NewGuid()}/results");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<long> ScalarAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
