namespace VcService.Crypto;
