namespace MiddleServerValidation.Domain.Addresses;

/// <summary>The 47 prefectures in JIS X 0401 order (code = index + 1), the same numbering as the 都道府県番号.</summary>
internal static class Prefectures
{
    private static readonly string[] Names =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];

    /// <summary>
    /// Splits a leading prefecture off: its full name, or its name without 都/府/県 (東京千代田区) unless a 市, 郡,
    /// 区, 町 or 村 follows, which makes it a city or district of the same name (京都市, 宮城郡, 千葉市).
    /// </summary>
    public static (string? Prefecture, string Remainder) Split(string address)
    {
        foreach (var name in Names)
        {
            if (address.StartsWith(name, StringComparison.Ordinal))
            {
                return (name, address[name.Length..]);
            }
        }

        foreach (var name in Names)
        {
            var stem = name == "北海道" ? name : name[..^1];
            if (address.Length > stem.Length && address.StartsWith(stem, StringComparison.Ordinal) && !"市郡区町村".Contains(address[stem.Length]))
            {
                return (name, address[stem.Length..]);
            }
        }

        return (null, address);
    }
}
