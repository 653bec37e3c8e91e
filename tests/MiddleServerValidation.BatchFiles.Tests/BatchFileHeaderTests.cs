using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles.Tests;

public sealed class BatchFileHeaderTests
{
    private static BatchFileHeader Parse(string header) =>
        BatchFileHeader.Parse(new CsvReader(new StringReader(header)).Read());

    [Fact]
    public void The_contract_header_in_any_order_and_case_without_the_insurer_number()
    {
        var header = Parse("KANA_NAME, registration_id,personal_number,birth_date,sex,card_symbol,card_number,branch_number,qualification_date");
        string[] row = ["ヤマダ タロウ", "R-1", "", "1990-01-01", "1", "", "", "", ""];

        Assert.Equal("R-1", header.Value(row, BatchColumn.RegistrationId));
        Assert.Equal("ヤマダ タロウ", header.Value(row, BatchColumn.KanaName));
        Assert.Null(header.Value(row, BatchColumn.PersonalNumber));
        Assert.Null(header.Value(row, BatchColumn.InsurerNumber));
        Assert.False(header.Has(BatchColumn.InsurerNumber));
        Assert.Equal(9, header.FieldCount);
    }

    [Fact]
    public void An_unknown_column_name_is_named_with_its_column()
    {
        var error = Assert.Throws<CsvFormatException>(() =>
            Parse("registration_id,insurer_number,personal_number,birthdate,kana_name,sex,card_symbol,card_number,branch_number,qualification_date"));

        Assert.Equal((1, 4), (error.Line, error.Column));
        Assert.Contains("birthdate", error.Message);
    }

    [Fact]
    public void A_repeated_or_missing_column_is_refused()
    {
        var repeated = Assert.Throws<CsvFormatException>(() => Parse(BatchColumns.HeaderLine + ",sex"));
        var missing = Assert.Throws<CsvFormatException>(() => Parse("registration_id,kana_name"));

        Assert.Equal((1, 11), (repeated.Line, repeated.Column));
        Assert.Contains("6 列目と重複", repeated.Message);
        Assert.Contains("birth_date", missing.Message);
        Assert.DoesNotContain("insurer_number,", missing.Message.Split('（')[0]);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse(""));

        Assert.Equal(1, error.Line);
    }
}
