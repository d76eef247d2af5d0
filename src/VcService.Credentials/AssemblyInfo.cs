namespace VcService.Credentials;
