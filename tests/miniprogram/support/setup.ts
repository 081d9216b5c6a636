/// <reference types="miniprogram-api-typings" />
// Runs before each mini program test file: the fake `wx` (with the system info TDesign reads,
// SDKVersion included), getApp and getCurrentPages, before miniprogram-simulate is loaded.
import { installWx } from './wx-fake';

installWx();
