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
    public void An_unknown_column_name_is_named_by_its_column_and_the_name_it_is_close_to_never_by_its_text()
    {
        var error = Assert.Throws<CsvFormatException>(() =>
            Parse("registration_id,insurer_number,personal_number,birthdate,kana_name,sex,card_symbol,card_number,branch_number,qualification_date"));

        Assert.Equal((1, 4), (error.Line, error.Column));
        Assert.Contains("1 行目 4 列目", error.Message);
        Assert.Contains("「birth_date」の誤りではありませんか", error.Message);
        Assert.DoesNotContain("birthdate", error.Message);
    }

    [Theory]
    [InlineData("123456789018,R-0001,06139992,1990-01-01,ヤマダ タロウ,1,,,,")]
    [InlineData("R-0001,06139992,123456789018,1990-01-01,ヤマダ タロウ,1,,,,")]
    [InlineData("R-0001,06139992,1234 5678 9018,平成2年1月1日,ヤマダ タロウ,1,,,,")]
    public void A_file_without_a_header_row_is_refused_without_echoing_any_value_of_its_first_row(string firstRow)
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse(firstRow));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("1 行目", error.Message);
        Assert.Contains("見出し行", error.Message);
        foreach (var value in firstRow.Split(',').Where(v => v.Length > 1))
        {
            Assert.DoesNotContain(value, error.Message);
        }

        Assert.DoesNotContain("9018", error.Message);
    }

    [Fact]
    public void A_header_with_a_personal_number_in_place_of_a_name_names_the_column_only()
    {
        var error = Assert.Throws<CsvFormatException>(() =>
            Parse("registration_id,insurer_number,123456789018,birth_date,kana_name,sex,card_symbol,card_number,branch_number,qualification_date"));

        Assert.Equal((1, 3), (error.Line, error.Column));
        Assert.Contains("1 行目 3 列目", error.Message);
        Assert.DoesNotContain("9018", error.Message);
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
