using MiddleServerValidation.Domain.InsurerNumbers;

namespace MiddleServerValidation.Domain.Tests.InsurerNumbers;

/// <summary>Seeded random tests of the 検証番号 against an independent Luhn (the usual "double every second digit").</summary>
public class InsurerNumberLuhnPropertyTests
{
    private const int Bodies = 10_000;

    [Fact]
    public void Computed_numbers_pass_and_agree_with_a_textbook_Luhn()
    {
        var random = new Random(1);
        for (var i = 0; i < Bodies; i++)
        {
            var body = RandomBody(random);
            var checkDigit = InsurerNumber.ComputeCheckDigit(body);

            Assert.Equal(TextbookLuhn(body), checkDigit);
            Assert.True(InsurerNumber.Parse(body + checkDigit).IsValid);
        }
    }

    // Luhn catches every single-digit substitution; a change in the prefecture digits may also be caught
    // by the 01–47 rule, but either way the number is rejected.
    [Fact]
    public void Every_single_digit_substitution_is_caught()
    {
        var random = new Random(2);
        for (var i = 0; i < Bodies; i++)
        {
            var body = RandomBody(random);
            var number = body + InsurerNumber.ComputeCheckDigit(body);
            for (var position = 0; position < number.Length; position++)
            {
                foreach (var digit in "0123456789")
                {
                    if (digit != number[position])
                    {
                        var changed = string.Concat(number.AsSpan(0, position), digit.ToString(), number.AsSpan(position + 1));
                        Assert.Equal(ReasonCode.InsurerNumberInvalid, InsurerNumber.Parse(changed).Error);
                    }
                }
            }
        }
    }

    // A 5-digit (国保) or 7-digit body whose 都道府県番号 is 01–47, so only the check digit decides.
    private static string RandomBody(Random random)
    {
        var lawCode = random.Next(2) == 0 ? string.Empty : random.Next(100).ToString("00");
        return $"{lawCode}{random.Next(1, 48):00}{random.Next(1000):000}";
    }

    private static int TextbookLuhn(string body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum * 9 % 10;
    }
}
