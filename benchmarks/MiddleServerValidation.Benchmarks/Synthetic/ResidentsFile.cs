using System.Globalization;
using System.Text;

namespace MiddleServerValidation.Benchmarks.Synthetic;

/// <summary>
/// Writes the J-LIS stub's residents file (<c>personal_number,kana_name,birth_date,sex</c>) for a range
/// of the synthetic population, so the stub knows exactly the people a scenario expects it to.
/// </summary>
public static class ResidentsFile
{
    public static async Task WriteAsync(string path, IEnumerable<SyntheticPerson> residents, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        await writer.WriteLineAsync("personal_number,kana_name,birth_date,sex");
        foreach (var person in residents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{person.PersonalNumber},{person.KanaName},{person.BirthDate:yyyy-MM-dd},{(int)person.Sex}"));
        }
    }
}
