using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Domain.Tests.Dates;

public class JapaneseDateTests
{
    // DOMAIN.md §5: every valid row, both directions (parse each written form; format the date back).
    [Theory]
    [InlineData("1912-07-29", "M45.7.29", "明治45年7月29日", "1450729")]
    [InlineData("1912-07-30", "T1.7.30", "大正元年7月30日", "2010730")]
    [InlineData("1926-12-24", "T15.12.24", "大正15年12月24日", "2151224")]
    [InlineData("1926-12-25", "S1.12.25", "昭和元年12月25日", "3011225")]
    [InlineData("1989-01-07", "S64.1.7", "昭和64年1月7日", "3640107")]
    [InlineData("1989-01-08", "H1.1.8", "平成元年1月8日", "4010108")]
    [InlineData("2019-04-30", "H31.4.30", "平成31年4月30日", "4310430")]
    [InlineData("2019-05-01", "R1.5.1", "令和元年5月1日", "5010501")]
    [InlineData("1989-09-13", "H1.9.13", "平成元年9月13日", "4010913")]
    [InlineData("1987-09-13", "S62.9.13", "昭和62年9月13日", "3620913")]
    [InlineData("2021-03-01", "R3.3.1", "令和3年3月1日", "5030301")]
    [InlineData("2004-08-04", "H16.8.4", "平成16年8月4日", "4160804")]
    public void Era_table_rows_convert_both_ways(string iso, string eraShort, string eraKanji, string gyymmdd)
    {
        var date = DateOnly.ParseExact(iso, "yyyy-MM-dd");

        Assert.Equal(eraShort, JapaneseDate.ToEraShort(date));
        Assert.Equal(eraKanji, JapaneseDate.ToEraKanji(date));
        Assert.Equal(gyymmdd, JapaneseDate.ToGyymmdd(date));

        foreach (var written in new[] { iso, eraShort, eraKanji, gyymmdd })
        {
            var parsed = JapaneseDate.Parse(written);
            Assert.True(parsed.IsValid, $"{written}: {parsed.ErrorMessage}");
            Assert.Equal(date, parsed.Value);
        }
    }

    [Theory]
    [InlineData("R3.03.01")]
    [InlineData("平成元年9月13日")]
    [InlineData("平成1年9月13日")]
    [InlineData("H1.9.13")]
    [InlineData("H01.09.13")]
    [InlineData("H1/9/13")]
    [InlineData("H1-9-13")]
    [InlineData("h1.9.13")]
    [InlineData("Ｈ１．９．１３")]
    [InlineData("平1.9.13")]
    [InlineData("4010913")]
    [InlineData("1989-09-13")]
    [InlineData("1989/09/13")]
    [InlineData("１９８９－０９－１３")]
    [InlineData(" H 1 . 9 . 13 ")]
    public void Every_accepted_written_form_reads_the_same_date(string input)
    {
        var parsed = JapaneseDate.Parse(input);

        Assert.True(parsed.IsValid, parsed.ErrorMessage);
        Assert.Equal(input == "R3.03.01" ? new DateOnly(2021, 3, 1) : new DateOnly(1989, 9, 13), parsed.Value);
    }

    [Theory]
    [InlineData("H31.5.1", "平成は2019年4月30日まで")]
    [InlineData("S64.1.8", "昭和は1989年1月7日まで")]
    [InlineData("R1.4.30", "令和は2019年5月1日から")]
    [InlineData("T15.12.25", "大正は1926年12月24日まで")]
    [InlineData("M1.1.1", "明治は1868年10月23日から")]
    [InlineData("4310501", "平成は2019年4月30日まで")]
    public void A_date_outside_its_era_is_invalid(string input, string expectedPart)
    {
        var parsed = JapaneseDate.Parse(input);

        Assert.False(parsed.IsValid);
        Assert.Equal(ReasonCode.FieldInvalid, parsed.Error);
        Assert.Contains("元号の期間外", parsed.ErrorMessage);
        Assert.Contains(expectedPart, parsed.ErrorMessage);
    }

    [Theory]
    [InlineData("H2.2.30", "存在しない日付")]
    [InlineData("1989-02-30", "存在しない日付")]
    [InlineData("H1.13.1", "存在しない日付")]
    [InlineData("0000-01-01", "存在しない日付")]
    [InlineData("H0.1.1", "1以上")]
    [InlineData("6010101", "形式を読み取れません")]
    [InlineData("19890913", "形式を読み取れません")]
    [InlineData("X1.9.13", "形式を読み取れません")]
    [InlineData("H١.٩.١٣", "形式を読み取れません")]
    [InlineData("", "指定されていません")]
    [InlineData(null, "指定されていません")]
    public void Impossible_or_unreadable_dates_are_invalid_with_a_specific_message(string? input, string expectedPart)
    {
        var parsed = JapaneseDate.Parse(input);

        Assert.False(parsed.IsValid);
        Assert.Contains(expectedPart, parsed.ErrorMessage);
    }

    [Fact]
    public void Formatting_a_date_before_Meiji_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseDate.ToEraShort(new DateOnly(1868, 10, 22)));
    }

    [Fact]
    public void Every_day_of_the_last_hundred_and_fifty_years_round_trips_through_all_three_era_forms()
    {
        for (var date = new DateOnly(1868, 10, 23); date <= new DateOnly(2030, 12, 31); date = date.AddDays(1))
        {
            Assert.Equal(date, JapaneseDate.Parse(JapaneseDate.ToEraShort(date)).Value);
            Assert.Equal(date, JapaneseDate.Parse(JapaneseDate.ToEraKanji(date)).Value);
            Assert.Equal(date, JapaneseDate.Parse(JapaneseDate.ToGyymmdd(date)).Value);
        }
    }
}
