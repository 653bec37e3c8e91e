using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Staff;

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(a => a.UserName).HasColumnName("user_name").HasMaxLength(64);
        builder.Property(a => a.ClientAddress).HasColumnName("client_address").HasMaxLength(64);
        builder.Property(a => a.Result).HasColumnName("result").HasMaxLength(16);
        builder.Property(a => a.AttemptedAt).HasColumnName("attempted_at");
    }
}
