using System.Security.Cryptography;
using VcService.Api.Tenants;
using VcService.Crypto.KeyProtection;
using VcService.Storage.Abstractions;

namespace VcService.Api.Hosting;

/// <summary>
/// At start-up, after the database is ready: the master key must open the stored signing keys.
/// A wrong master key would otherwise only show when the first credential is signed.
/// </summary>
public sealed class MasterKeyCheck(ITenantStore tenants, IKeyStore keys, AesGcmKeyProtector protector) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var stored = (await keys.ListAsync(tenant.Id, cancellationToken)).FirstOrDefault();
            if (stored is null)
                continue;
            try
            {
                var secret = protector.Unprotect(stored.EncryptedPrivateKey, TenantKeyService.Owner(tenant.Id, stored.KeyId));
                CryptographicOperations.ZeroMemory(secret);
                return;
            }
            catch (CryptographicException)
            {
                throw new InvalidOperationException(
                    "The master key does not decrypt the stored signing keys: set VcService__MasterKey (or VcService__MasterKeyFile) " +
                    "to the master key this database was created with.");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
