using System.Text;

namespace MiddleServerValidation.Benchmarks.Synthetic;

/// <summary>
/// How insurers' systems write the same katakana name: half-width (legacy mainframes) or hiragana (web forms).
/// The service must read every variant as the same name.
/// </summary>
public static class KanaVariants
{
    private const string FullWidth = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
    private const string HalfWidth = "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";

    public static string ToHalfWidth(string katakana)
    {
        var result = new StringBuilder(katakana.Length + 4);
        foreach (var c in katakana.Normalize(NormalizationForm.FormD))
        {
            var i = FullWidth.IndexOf(c);
            result.Append(c switch
            {
                '\u3099' => 'ﾞ',
                '\u309A' => 'ﾟ',
                _ when i >= 0 => HalfWidth[i],
                _ => c,
            });
        }

        return result.ToString();
    }

    public static string ToHiragana(string katakana) =>
        string.Create(katakana.Length, katakana, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c;
            }
        });
}
