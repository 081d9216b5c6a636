import { contractEnum } from '../../../cloudfunctions/_core/domain/contract-enum';
const ok = contractEnum<Api.Rating>()(['satisfied', 'basic', 'unsatisfied']);
// @ts-expect-error a contract value is missing
contractEnum<Api.Rating>()(['satisfied', 'basic']);
// @ts-expect-error a value outside the contract
contractEnum<Api.Rating>()(['satisfied', 'basic', 'unsatisfied', 'great']);
const r: Api.Rating = ok.parse('basic');
void r;
