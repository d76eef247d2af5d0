namespace VcService.MicroCredentials;
