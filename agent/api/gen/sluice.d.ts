import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace sluice {

    namespace v1 {

        interface IRequest {
            version?: (number|null);
            cni?: (sluice.v1.ICniRequest|null);
            cni_step?: (sluice.v1.ICniStepResult|null);
            check?: (sluice.v1.ICheckRequest|null);
            status?: (sluice.v1.IStatusRequest|null);
            reload?: (sluice.v1.IReloadRequest|null);
            describe?: (sluice.v1.IDescribeRequest|null);
            explain?: (sluice.v1.IExplainRequest|null);
            observe?: (sluice.v1.IObserveRequest|null);
        }

        class Request implements IRequest {
            constructor(p?: sluice.v1.IRequest);
            public version: number;
            public cni?: (sluice.v1.ICniRequest|null);
            public cni_step?: (sluice.v1.ICniStepResult|null);
            public check?: (sluice.v1.ICheckRequest|null);
            public status?: (sluice.v1.IStatusRequest|null);
            public reload?: (sluice.v1.IReloadRequest|null);
            public describe?: (sluice.v1.IDescribeRequest|null);
            public explain?: (sluice.v1.IExplainRequest|null);
            public observe?: (sluice.v1.IObserveRequest|null);
            public body?: ("cni"|"cni_step"|"check"|"status"|"reload"|"describe"|"explain"|"observe");
            public static create(properties?: sluice.v1.IRequest): sluice.v1.Request;
            public static encode(m: sluice.v1.IRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Request;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Request;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Request;
            public static toObject(m: sluice.v1.Request, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IResponse {
            version?: (number|null);
            error?: (sluice.v1.IError|null);
            check?: (sluice.v1.ICheckResponse|null);
            status?: (sluice.v1.IStatusResponse|null);
            reload?: (sluice.v1.IReloadResponse|null);
            describe?: (sluice.v1.IDescribeResponse|null);
            explain?: (sluice.v1.IExplainResponse|null);
            flow?: (sluice.v1.IFlow|null);
            lost?: (sluice.v1.IObserveLost|null);
            cni?: (sluice.v1.ICniStep|null);
        }

        class Response implements IResponse {
            constructor(p?: sluice.v1.IResponse);
            public version: number;
            public error?: (sluice.v1.IError|null);
            public check?: (sluice.v1.ICheckResponse|null);
            public status?: (sluice.v1.IStatusResponse|null);
            public reload?: (sluice.v1.IReloadResponse|null);
            public describe?: (sluice.v1.IDescribeResponse|null);
            public explain?: (sluice.v1.IExplainResponse|null);
            public flow?: (sluice.v1.IFlow|null);
            public lost?: (sluice.v1.IObserveLost|null);
            public cni?: (sluice.v1.ICniStep|null);
            public body?: ("check"|"status"|"reload"|"describe"|"explain"|"flow"|"lost"|"cni");
            public static create(properties?: sluice.v1.IResponse): sluice.v1.Response;
            public static encode(m: sluice.v1.IResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Response;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Response;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Response;
            public static toObject(m: sluice.v1.Response, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ErrorCode {
            ERROR_CODE_UNSPECIFIED = 0,
            INVALID_ARGUMENT = 1,
            NOT_FOUND = 2,
            UNAVAILABLE = 3,
            INTERNAL = 4,
            INCOMPATIBLE_VERSION = 5,
            UNDECODABLE = 6
        }

        interface IError {
            code?: (number|null);
            message?: (string|null);
            api_code?: (sluice.v1.ErrorCode|null);
        }

        class Error implements IError {
            constructor(p?: sluice.v1.IError);
            public code: number;
            public message: string;
            public api_code: sluice.v1.ErrorCode;
            public static create(properties?: sluice.v1.IError): sluice.v1.Error;
            public static encode(m: sluice.v1.IError, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Error;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Error;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Error;
            public static toObject(m: sluice.v1.Error, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAttachment {
            container_id?: (string|null);
            ifname?: (string|null);
        }

        class Attachment implements IAttachment {
            constructor(p?: sluice.v1.IAttachment);
            public container_id: string;
            public ifname: string;
            public static create(properties?: sluice.v1.IAttachment): sluice.v1.Attachment;
            public static encode(m: sluice.v1.IAttachment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IAttachment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Attachment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Attachment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Attachment;
            public static toObject(m: sluice.v1.Attachment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICheckRequest {
            attachment?: (sluice.v1.IAttachment|null);
        }

        class CheckRequest implements ICheckRequest {
            constructor(p?: sluice.v1.ICheckRequest);
            public attachment?: (sluice.v1.IAttachment|null);
            public static create(properties?: sluice.v1.ICheckRequest): sluice.v1.CheckRequest;
            public static encode(m: sluice.v1.ICheckRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICheckRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CheckRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CheckRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CheckRequest;
            public static toObject(m: sluice.v1.CheckRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICheckResponse {
            found?: (boolean|null);
            ip?: (string|null);
            host_ifname?: (string|null);
            endpoint_id?: (number|null);
            problem?: (string|null);
            ipv6?: (string|null);
        }

        class CheckResponse implements ICheckResponse {
            constructor(p?: sluice.v1.ICheckResponse);
            public found: boolean;
            public ip: string;
            public host_ifname: string;
            public endpoint_id: number;
            public problem: string;
            public ipv6: string;
            public static create(properties?: sluice.v1.ICheckResponse): sluice.v1.CheckResponse;
            public static encode(m: sluice.v1.ICheckResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICheckResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CheckResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CheckResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CheckResponse;
            public static toObject(m: sluice.v1.CheckResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStatusRequest {
        }

        class StatusRequest implements IStatusRequest {
            constructor(p?: sluice.v1.IStatusRequest);
            public static create(properties?: sluice.v1.IStatusRequest): sluice.v1.StatusRequest;
            public static encode(m: sluice.v1.IStatusRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.StatusRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.StatusRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.StatusRequest;
            public static toObject(m: sluice.v1.StatusRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStatusResponse {
            ready?: (boolean|null);
            message?: (string|null);
        }

        class StatusResponse implements IStatusResponse {
            constructor(p?: sluice.v1.IStatusResponse);
            public ready: boolean;
            public message: string;
            public static create(properties?: sluice.v1.IStatusResponse): sluice.v1.StatusResponse;
            public static encode(m: sluice.v1.IStatusResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.StatusResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.StatusResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.StatusResponse;
            public static toObject(m: sluice.v1.StatusResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReloadRequest {
        }

        class ReloadRequest implements IReloadRequest {
            constructor(p?: sluice.v1.IReloadRequest);
            public static create(properties?: sluice.v1.IReloadRequest): sluice.v1.ReloadRequest;
            public static encode(m: sluice.v1.IReloadRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IReloadRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ReloadRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ReloadRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ReloadRequest;
            public static toObject(m: sluice.v1.ReloadRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReloadResponse {
            store_version?: (number|Long|null);
            pods?: (number|null);
            policies?: (number|null);
        }

        class ReloadResponse implements IReloadResponse {
            constructor(p?: sluice.v1.IReloadResponse);
            public store_version: (number|Long);
            public pods: number;
            public policies: number;
            public static create(properties?: sluice.v1.IReloadResponse): sluice.v1.ReloadResponse;
            public static encode(m: sluice.v1.IReloadResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IReloadResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ReloadResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ReloadResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ReloadResponse;
            public static toObject(m: sluice.v1.ReloadResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDescribeRequest {
        }

        class DescribeRequest implements IDescribeRequest {
            constructor(p?: sluice.v1.IDescribeRequest);
            public static create(properties?: sluice.v1.IDescribeRequest): sluice.v1.DescribeRequest;
            public static encode(m: sluice.v1.IDescribeRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IDescribeRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.DescribeRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.DescribeRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.DescribeRequest;
            public static toObject(m: sluice.v1.DescribeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDescribeResponse {
            endpoints?: (sluice.v1.IEndpointName[]|null);
            identities?: (sluice.v1.IIdentityName[]|null);
            rules?: (sluice.v1.IRuleName[]|null);
            frontends?: (sluice.v1.IFrontendName[]|null);
            service_problems?: (sluice.v1.IServiceProblem[]|null);
        }

        class DescribeResponse implements IDescribeResponse {
            constructor(p?: sluice.v1.IDescribeResponse);
            public endpoints: sluice.v1.IEndpointName[];
            public identities: sluice.v1.IIdentityName[];
            public rules: sluice.v1.IRuleName[];
            public frontends: sluice.v1.IFrontendName[];
            public service_problems: sluice.v1.IServiceProblem[];
            public static create(properties?: sluice.v1.IDescribeResponse): sluice.v1.DescribeResponse;
            public static encode(m: sluice.v1.IDescribeResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IDescribeResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.DescribeResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.DescribeResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.DescribeResponse;
            public static toObject(m: sluice.v1.DescribeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IFrontendName {
            id?: (number|null);
            service?: (string|null);
            port_name?: (string|null);
            kind?: (string|null);
            address?: (string|null);
            port?: (number|null);
            protocol?: (string|null);
            affinity?: (boolean|null);
            affinity_timeout?: (number|null);
            local_only?: (boolean|null);
            backends?: (sluice.v1.IBackendName[]|null);
            service_port?: (number|null);
        }

        class FrontendName implements IFrontendName {
            constructor(p?: sluice.v1.IFrontendName);
            public id: number;
            public service: string;
            public port_name: string;
            public kind: string;
            public address: string;
            public port: number;
            public protocol: string;
            public affinity: boolean;
            public affinity_timeout: number;
            public local_only: boolean;
            public backends: sluice.v1.IBackendName[];
            public service_port: number;
            public static create(properties?: sluice.v1.IFrontendName): sluice.v1.FrontendName;
            public static encode(m: sluice.v1.IFrontendName, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IFrontendName, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.FrontendName;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.FrontendName;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.FrontendName;
            public static toObject(m: sluice.v1.FrontendName, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendName {
            address?: (string|null);
            port?: (number|null);
            state?: (string|null);
            pod?: (string|null);
            node?: (string|null);
        }

        class BackendName implements IBackendName {
            constructor(p?: sluice.v1.IBackendName);
            public address: string;
            public port: number;
            public state: string;
            public pod: string;
            public node: string;
            public static create(properties?: sluice.v1.IBackendName): sluice.v1.BackendName;
            public static encode(m: sluice.v1.IBackendName, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IBackendName, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.BackendName;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.BackendName;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.BackendName;
            public static toObject(m: sluice.v1.BackendName, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IServiceProblem {
            object?: (string|null);
            field?: (string|null);
            message?: (string|null);
            warning?: (boolean|null);
        }

        class ServiceProblem implements IServiceProblem {
            constructor(p?: sluice.v1.IServiceProblem);
            public object: string;
            public field: string;
            public message: string;
            public warning: boolean;
            public static create(properties?: sluice.v1.IServiceProblem): sluice.v1.ServiceProblem;
            public static encode(m: sluice.v1.IServiceProblem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IServiceProblem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ServiceProblem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ServiceProblem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ServiceProblem;
            public static toObject(m: sluice.v1.ServiceProblem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointName {
            id?: (number|null);
            pod?: (string|null);
            ip?: (string|null);
            host_ifname?: (string|null);
            identity?: (number|null);
            container_id?: (string|null);
            ipv6?: (string|null);
        }

        class EndpointName implements IEndpointName {
            constructor(p?: sluice.v1.IEndpointName);
            public id: number;
            public pod: string;
            public ip: string;
            public host_ifname: string;
            public identity: number;
            public container_id: string;
            public ipv6: string;
            public static create(properties?: sluice.v1.IEndpointName): sluice.v1.EndpointName;
            public static encode(m: sluice.v1.IEndpointName, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IEndpointName, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.EndpointName;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.EndpointName;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.EndpointName;
            public static toObject(m: sluice.v1.EndpointName, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IIdentityName {
            id?: (number|null);
            kind?: (string|null);
            namespace?: (string|null);
            namespace_labels?: ({ [k: string]: string }|null);
            pod_labels?: ({ [k: string]: string }|null);
            pods?: (string[]|null);
        }

        class IdentityName implements IIdentityName {
            constructor(p?: sluice.v1.IIdentityName);
            public id: number;
            public kind: string;
            public namespace: string;
            public namespace_labels: { [k: string]: string };
            public pod_labels: { [k: string]: string };
            public pods: string[];
            public static create(properties?: sluice.v1.IIdentityName): sluice.v1.IdentityName;
            public static encode(m: sluice.v1.IIdentityName, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IIdentityName, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.IdentityName;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.IdentityName;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.IdentityName;
            public static toObject(m: sluice.v1.IdentityName, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRuleName {
            rule_id?: (number|null);
            policy?: (string|null);
            direction?: (string|null);
            index?: (number|null);
        }

        class RuleName implements IRuleName {
            constructor(p?: sluice.v1.IRuleName);
            public rule_id: number;
            public policy: string;
            public direction: string;
            public index: number;
            public static create(properties?: sluice.v1.IRuleName): sluice.v1.RuleName;
            public static encode(m: sluice.v1.IRuleName, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IRuleName, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.RuleName;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.RuleName;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.RuleName;
            public static toObject(m: sluice.v1.RuleName, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IExplainRequest {
            from?: (string|null);
            to?: (string|null);
            port?: (number|null);
            protocol?: (string|null);
        }

        class ExplainRequest implements IExplainRequest {
            constructor(p?: sluice.v1.IExplainRequest);
            public from: string;
            public to: string;
            public port: number;
            public protocol: string;
            public static create(properties?: sluice.v1.IExplainRequest): sluice.v1.ExplainRequest;
            public static encode(m: sluice.v1.IExplainRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IExplainRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ExplainRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ExplainRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ExplainRequest;
            public static toObject(m: sluice.v1.ExplainRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IExplainSide {
            pod?: (string|null);
            direction?: (string|null);
            local?: (boolean|null);
            selected_by?: (string[]|null);
            allowed?: (boolean|null);
            rule?: (string|null);
            via?: (string|null);
        }

        class ExplainSide implements IExplainSide {
            constructor(p?: sluice.v1.IExplainSide);
            public pod: string;
            public direction: string;
            public local: boolean;
            public selected_by: string[];
            public allowed: boolean;
            public rule: string;
            public via: string;
            public static create(properties?: sluice.v1.IExplainSide): sluice.v1.ExplainSide;
            public static encode(m: sluice.v1.IExplainSide, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IExplainSide, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ExplainSide;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ExplainSide;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ExplainSide;
            public static toObject(m: sluice.v1.ExplainSide, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IExplainResponse {
            source?: (sluice.v1.IExplainSide|null);
            destination?: (sluice.v1.IExplainSide|null);
            allowed?: (boolean|null);
        }

        class ExplainResponse implements IExplainResponse {
            constructor(p?: sluice.v1.IExplainResponse);
            public source?: (sluice.v1.IExplainSide|null);
            public destination?: (sluice.v1.IExplainSide|null);
            public allowed: boolean;
            public static create(properties?: sluice.v1.IExplainResponse): sluice.v1.ExplainResponse;
            public static encode(m: sluice.v1.IExplainResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IExplainResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ExplainResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ExplainResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ExplainResponse;
            public static toObject(m: sluice.v1.ExplainResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IObserveRequest {
            last?: (number|null);
            follow?: (boolean|null);
        }

        class ObserveRequest implements IObserveRequest {
            constructor(p?: sluice.v1.IObserveRequest);
            public last: number;
            public follow: boolean;
            public static create(properties?: sluice.v1.IObserveRequest): sluice.v1.ObserveRequest;
            public static encode(m: sluice.v1.IObserveRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IObserveRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ObserveRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ObserveRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ObserveRequest;
            public static toObject(m: sluice.v1.ObserveRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IObserveLost {
            flows?: (number|Long|null);
        }

        class ObserveLost implements IObserveLost {
            constructor(p?: sluice.v1.IObserveLost);
            public flows: (number|Long);
            public static create(properties?: sluice.v1.IObserveLost): sluice.v1.ObserveLost;
            public static encode(m: sluice.v1.IObserveLost, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IObserveLost, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ObserveLost;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ObserveLost;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ObserveLost;
            public static toObject(m: sluice.v1.ObserveLost, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpoint {
            id?: (number|null);
            identity?: (number|null);
            namespace?: (string|null);
            pod?: (string|null);
            labels?: ({ [k: string]: string }|null);
        }

        class Endpoint implements IEndpoint {
            constructor(p?: sluice.v1.IEndpoint);
            public id: number;
            public identity: number;
            public namespace: string;
            public pod: string;
            public labels: { [k: string]: string };
            public static create(properties?: sluice.v1.IEndpoint): sluice.v1.Endpoint;
            public static encode(m: sluice.v1.IEndpoint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IEndpoint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Endpoint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Endpoint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Endpoint;
            public static toObject(m: sluice.v1.Endpoint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IFlow {
            time_ns?: (number|Long|null);
            verdict?: (string|null);
            drop_reason?: (number|null);
            drop_reason_text?: (string|null);
            source_ip?: (string|null);
            destination_ip?: (string|null);
            protocol?: (string|null);
            source_port?: (number|null);
            destination_port?: (number|null);
            tcp_flags?: (string[]|null);
            source?: (sluice.v1.IEndpoint|null);
            destination?: (sluice.v1.IEndpoint|null);
            direction?: (string|null);
            is_reply?: (boolean|null);
            policy?: (string|null);
            service?: (string|null);
            frontend?: (string|null);
        }

        class Flow implements IFlow {
            constructor(p?: sluice.v1.IFlow);
            public time_ns: (number|Long);
            public verdict: string;
            public drop_reason: number;
            public drop_reason_text: string;
            public source_ip: string;
            public destination_ip: string;
            public protocol: string;
            public source_port: number;
            public destination_port: number;
            public tcp_flags: string[];
            public source?: (sluice.v1.IEndpoint|null);
            public destination?: (sluice.v1.IEndpoint|null);
            public direction: string;
            public is_reply: boolean;
            public policy: string;
            public service: string;
            public frontend: string;
            public static create(properties?: sluice.v1.IFlow): sluice.v1.Flow;
            public static encode(m: sluice.v1.IFlow, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IFlow, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.Flow;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.Flow;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.Flow;
            public static toObject(m: sluice.v1.Flow, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICniRequest {
            env?: (string[]|null);
            stdin?: (Uint8Array|null);
        }

        class CniRequest implements ICniRequest {
            constructor(p?: sluice.v1.ICniRequest);
            public env: string[];
            public stdin: Uint8Array;
            public static create(properties?: sluice.v1.ICniRequest): sluice.v1.CniRequest;
            public static encode(m: sluice.v1.ICniRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICniRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CniRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CniRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CniRequest;
            public static toObject(m: sluice.v1.CniRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICniStep {
            done?: (sluice.v1.ICniDone|null);
            wire?: (sluice.v1.IWirePod|null);
            probe?: (sluice.v1.IProbePod|null);
        }

        class CniStep implements ICniStep {
            constructor(p?: sluice.v1.ICniStep);
            public done?: (sluice.v1.ICniDone|null);
            public wire?: (sluice.v1.IWirePod|null);
            public probe?: (sluice.v1.IProbePod|null);
            public step?: ("done"|"wire"|"probe");
            public static create(properties?: sluice.v1.ICniStep): sluice.v1.CniStep;
            public static encode(m: sluice.v1.ICniStep, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICniStep, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CniStep;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CniStep;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CniStep;
            public static toObject(m: sluice.v1.CniStep, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICniDone {
            stdout?: (Uint8Array|null);
            exit_code?: (number|null);
        }

        class CniDone implements ICniDone {
            constructor(p?: sluice.v1.ICniDone);
            public stdout: Uint8Array;
            public exit_code: number;
            public static create(properties?: sluice.v1.ICniDone): sluice.v1.CniDone;
            public static encode(m: sluice.v1.ICniDone, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICniDone, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CniDone;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CniDone;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CniDone;
            public static toObject(m: sluice.v1.CniDone, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWirePod {
            host_netns?: (string|null);
            host_netns_inode?: (number|Long|null);
            pod_netns?: (string|null);
            host_ifname?: (string|null);
            pod_ifname?: (string|null);
            ip?: (string|null);
            gateway?: (string|null);
            host_mac?: (string|null);
            pod_mac?: (string|null);
            mtu?: (number|null);
            ipv6?: (string|null);
            gateway_v6?: (string|null);
        }

        class WirePod implements IWirePod {
            constructor(p?: sluice.v1.IWirePod);
            public host_netns: string;
            public host_netns_inode: (number|Long);
            public pod_netns: string;
            public host_ifname: string;
            public pod_ifname: string;
            public ip: string;
            public gateway: string;
            public host_mac: string;
            public pod_mac: string;
            public mtu: number;
            public ipv6: string;
            public gateway_v6: string;
            public static create(properties?: sluice.v1.IWirePod): sluice.v1.WirePod;
            public static encode(m: sluice.v1.IWirePod, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IWirePod, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.WirePod;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.WirePod;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.WirePod;
            public static toObject(m: sluice.v1.WirePod, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProbePod {
            netns?: (string|null);
            ifname?: (string|null);
        }

        class ProbePod implements IProbePod {
            constructor(p?: sluice.v1.IProbePod);
            public netns: string;
            public ifname: string;
            public static create(properties?: sluice.v1.IProbePod): sluice.v1.ProbePod;
            public static encode(m: sluice.v1.IProbePod, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IProbePod, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ProbePod;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ProbePod;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ProbePod;
            public static toObject(m: sluice.v1.ProbePod, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICniStepResult {
            errno?: (number|null);
            error?: (string|null);
            link_exists?: (boolean|null);
            host_ifindex?: (number|null);
            link_found?: (boolean|null);
            mac?: (string|null);
            addresses?: (string[]|null);
            default_gateways?: (string[]|null);
        }

        class CniStepResult implements ICniStepResult {
            constructor(p?: sluice.v1.ICniStepResult);
            public errno: number;
            public error: string;
            public link_exists: boolean;
            public host_ifindex: number;
            public link_found: boolean;
            public mac: string;
            public addresses: string[];
            public default_gateways: string[];
            public static create(properties?: sluice.v1.ICniStepResult): sluice.v1.CniStepResult;
            public static encode(m: sluice.v1.ICniStepResult, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.ICniStepResult, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.CniStepResult;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.CniStepResult;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.CniStepResult;
            public static toObject(m: sluice.v1.CniStepResult, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
