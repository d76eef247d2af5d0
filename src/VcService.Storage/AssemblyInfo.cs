namespace VcService.Storage;
