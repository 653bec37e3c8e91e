using System.Security.Cryptography;
using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.Tests.PersonalData;

/// <summary>Ciphertexts bound to their record, under a key ring with ids: rotation without a flag day.</summary>
public sealed class PersonalNumberProtectorTests
{
    private const string Number = "123456789018";
    private static readonly string Hmac = NewKey();
    private static readonly string Key1 = NewKey();
    private static readonly string Key2 = NewKey();
    private static readonly PersonalDataBinding RecordA = PersonalDataBinding.Registration("06139992", "A-1");
    private static readonly PersonalDataBinding RecordB = PersonalDataBinding.Registration("06139992", "A-2");

    [Fact]
    public void A_ciphertext_opens_for_its_own_record_only()
    {
        using var protector = Protector(Ring((1, Key1)));
        var cipher = protector.Encrypt(Number, RecordA);

        Assert.Equal(Number, protector.Decrypt(cipher, RecordA));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(cipher, RecordB));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(cipher, PersonalDataBinding.Registration("01130012", "A-1")));
    }

    [Fact]
    public void A_new_active_key_writes_while_the_old_one_still_reads_until_it_is_retired()
    {
        using var before = Protector(Ring((1, Key1)));
        var old = before.Encrypt(Number, RecordA);

        using var during = Protector(Ring((1, Key1), (2, Key2)), active: 2);
        var fresh = during.Encrypt(Number, RecordA);
        Assert.Equal(Number, during.Decrypt(old, RecordA));
        Assert.False(during.IsCurrent(old));
        Assert.True(during.IsCurrent(fresh));
        Assert.Equal(2, fresh[1]);

        using var after = Protector(Ring((2, Key2)), active: 2);
        Assert.Equal(Number, after.Decrypt(during.Encrypt(Number, RecordA), RecordA));
        Assert.ThrowsAny<CryptographicException>(() => after.Decrypt(old, RecordA));
    }

    [Fact]
    public void Values_written_before_key_rings_still_open_with_the_single_key_as_key_1()
    {
        // Format 1: version | nonce | tag | ciphertext under the one key, nothing associated.
        var plain = System.Text.Encoding.UTF8.GetBytes(Number);
        var legacy = new byte[1 + 12 + 16 + plain.Length];
        legacy[0] = 1;
        RandomNumberGenerator.Fill(legacy.AsSpan(1, 12));
        using (var aes = new AesGcm(Convert.FromBase64String(Key1), 16))
        {
            aes.Encrypt(legacy.AsSpan(1, 12), plain, legacy.AsSpan(29), legacy.AsSpan(13, 16));
        }

        using var protector = Protector(new PersonalDataOptions { HmacKey = Hmac, EncryptionKey = Key1 });
        Assert.Equal(Number, protector.Decrypt(legacy, RecordA));
        Assert.False(protector.IsCurrent(legacy));
    }

    [Fact]
    public void The_lookup_key_does_not_depend_on_the_encryption_keys()
    {
        using var one = Protector(Ring((1, Key1)));
        using var two = Protector(Ring((1, Key1), (2, Key2)), active: 2);

        Assert.Equal(one.LookupKey(Number), two.LookupKey(Number));
    }

    [Theory]
    [InlineData("active key not in the ring")]
    [InlineData("reused key")]
    [InlineData("bad id")]
    public void A_wrong_key_ring_stops_the_start_without_echoing_a_key(string wrong)
    {
        var options = wrong switch
        {
            "active key not in the ring" => Ring((1, Key1)) is var o ? Active(o, 3) : null!,
            "reused key" => Ring((1, Key1), (2, Key1)),
            _ => new PersonalDataOptions { HmacKey = Hmac, EncryptionKeys = new() { ["x"] = Key1 }, ActiveEncryptionKeyId = 1 },
        };

        var result = new PersonalDataOptionsValidatorProbe().Validate(options);

        Assert.True(result.Failed);
        Assert.DoesNotContain(Key1, result.FailureMessage);
    }

    private static PersonalDataOptions Active(PersonalDataOptions options, int id)
    {
        options.ActiveEncryptionKeyId = id;
        return options;
    }

    private static PersonalDataOptions Ring(params (int Id, string Key)[] keys) => new()
    {
        HmacKey = Hmac,
        EncryptionKeys = keys.ToDictionary(k => k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), k => k.Key),
    };

    private static PersonalNumberProtector Protector(PersonalDataOptions options, int? active = null)
    {
        if (active is not null)
        {
            options.ActiveEncryptionKeyId = active;
        }

        return new PersonalNumberProtector(Options.Create(options));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
