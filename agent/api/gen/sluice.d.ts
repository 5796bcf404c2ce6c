import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace sluice {

    namespace v1 {

        interface IRequest {
            version?: (number|null);
            allocate?: (sluice.v1.IAllocateRequest|null);
            endpoint_create?: (sluice.v1.IEndpointCreateRequest|null);
            release?: (sluice.v1.IReleaseRequest|null);
            check?: (sluice.v1.ICheckRequest|null);
            status?: (sluice.v1.IStatusRequest|null);
            gc?: (sluice.v1.IGcRequest|null);
            reload?: (sluice.v1.IReloadRequest|null);
        }

        class Request implements IRequest {
            constructor(p?: sluice.v1.IRequest);
            public version: number;
            public allocate?: (sluice.v1.IAllocateRequest|null);
            public endpoint_create?: (sluice.v1.IEndpointCreateRequest|null);
            public release?: (sluice.v1.IReleaseRequest|null);
            public check?: (sluice.v1.ICheckRequest|null);
            public status?: (sluice.v1.IStatusRequest|null);
            public gc?: (sluice.v1.IGcRequest|null);
            public reload?: (sluice.v1.IReloadRequest|null);
            public body?: ("allocate"|"endpoint_create"|"release"|"check"|"status"|"gc"|"reload");
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
            allocate?: (sluice.v1.IAllocateResponse|null);
            endpoint_create?: (sluice.v1.IEndpointCreateResponse|null);
            release?: (sluice.v1.IReleaseResponse|null);
            check?: (sluice.v1.ICheckResponse|null);
            status?: (sluice.v1.IStatusResponse|null);
            gc?: (sluice.v1.IGcResponse|null);
            reload?: (sluice.v1.IReloadResponse|null);
        }

        class Response implements IResponse {
            constructor(p?: sluice.v1.IResponse);
            public version: number;
            public error?: (sluice.v1.IError|null);
            public allocate?: (sluice.v1.IAllocateResponse|null);
            public endpoint_create?: (sluice.v1.IEndpointCreateResponse|null);
            public release?: (sluice.v1.IReleaseResponse|null);
            public check?: (sluice.v1.ICheckResponse|null);
            public status?: (sluice.v1.IStatusResponse|null);
            public gc?: (sluice.v1.IGcResponse|null);
            public reload?: (sluice.v1.IReloadResponse|null);
            public body?: ("allocate"|"endpoint_create"|"release"|"check"|"status"|"gc"|"reload");
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

        interface IError {
            code?: (number|null);
            message?: (string|null);
        }

        class Error implements IError {
            constructor(p?: sluice.v1.IError);
            public code: number;
            public message: string;
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

        interface IPodRef {
            namespace?: (string|null);
            name?: (string|null);
            uid?: (string|null);
        }

        class PodRef implements IPodRef {
            constructor(p?: sluice.v1.IPodRef);
            public namespace: string;
            public name: string;
            public uid: string;
            public static create(properties?: sluice.v1.IPodRef): sluice.v1.PodRef;
            public static encode(m: sluice.v1.IPodRef, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IPodRef, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.PodRef;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.PodRef;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.PodRef;
            public static toObject(m: sluice.v1.PodRef, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAllocateRequest {
            attachment?: (sluice.v1.IAttachment|null);
            pod?: (sluice.v1.IPodRef|null);
            netns?: (string|null);
        }

        class AllocateRequest implements IAllocateRequest {
            constructor(p?: sluice.v1.IAllocateRequest);
            public attachment?: (sluice.v1.IAttachment|null);
            public pod?: (sluice.v1.IPodRef|null);
            public netns: string;
            public static create(properties?: sluice.v1.IAllocateRequest): sluice.v1.AllocateRequest;
            public static encode(m: sluice.v1.IAllocateRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IAllocateRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.AllocateRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.AllocateRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.AllocateRequest;
            public static toObject(m: sluice.v1.AllocateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAllocateResponse {
            ip?: (string|null);
            prefix_length?: (number|null);
            gateway?: (string|null);
            host_ifname?: (string|null);
            pin_root?: (string|null);
            attach_mode?: (string|null);
            mtu?: (number|null);
            host_netns?: (string|null);
            host_netns_inode?: (number|Long|null);
        }

        class AllocateResponse implements IAllocateResponse {
            constructor(p?: sluice.v1.IAllocateResponse);
            public ip: string;
            public prefix_length: number;
            public gateway: string;
            public host_ifname: string;
            public pin_root: string;
            public attach_mode: string;
            public mtu: number;
            public host_netns: string;
            public host_netns_inode: (number|Long);
            public static create(properties?: sluice.v1.IAllocateResponse): sluice.v1.AllocateResponse;
            public static encode(m: sluice.v1.IAllocateResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IAllocateResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.AllocateResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.AllocateResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.AllocateResponse;
            public static toObject(m: sluice.v1.AllocateResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointCreateRequest {
            attachment?: (sluice.v1.IAttachment|null);
            pod?: (sluice.v1.IPodRef|null);
            ip?: (string|null);
            host_ifname?: (string|null);
            host_ifindex?: (number|null);
            host_mac?: (string|null);
            pod_mac?: (string|null);
            netns?: (string|null);
            new_interface?: (boolean|null);
        }

        class EndpointCreateRequest implements IEndpointCreateRequest {
            constructor(p?: sluice.v1.IEndpointCreateRequest);
            public attachment?: (sluice.v1.IAttachment|null);
            public pod?: (sluice.v1.IPodRef|null);
            public ip: string;
            public host_ifname: string;
            public host_ifindex: number;
            public host_mac: string;
            public pod_mac: string;
            public netns: string;
            public new_interface: boolean;
            public static create(properties?: sluice.v1.IEndpointCreateRequest): sluice.v1.EndpointCreateRequest;
            public static encode(m: sluice.v1.IEndpointCreateRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IEndpointCreateRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.EndpointCreateRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.EndpointCreateRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.EndpointCreateRequest;
            public static toObject(m: sluice.v1.EndpointCreateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointCreateResponse {
            endpoint_id?: (number|null);
            identity?: (number|null);
        }

        class EndpointCreateResponse implements IEndpointCreateResponse {
            constructor(p?: sluice.v1.IEndpointCreateResponse);
            public endpoint_id: number;
            public identity: number;
            public static create(properties?: sluice.v1.IEndpointCreateResponse): sluice.v1.EndpointCreateResponse;
            public static encode(m: sluice.v1.IEndpointCreateResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IEndpointCreateResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.EndpointCreateResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.EndpointCreateResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.EndpointCreateResponse;
            public static toObject(m: sluice.v1.EndpointCreateResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReleaseRequest {
            attachment?: (sluice.v1.IAttachment|null);
        }

        class ReleaseRequest implements IReleaseRequest {
            constructor(p?: sluice.v1.IReleaseRequest);
            public attachment?: (sluice.v1.IAttachment|null);
            public static create(properties?: sluice.v1.IReleaseRequest): sluice.v1.ReleaseRequest;
            public static encode(m: sluice.v1.IReleaseRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IReleaseRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ReleaseRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ReleaseRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ReleaseRequest;
            public static toObject(m: sluice.v1.ReleaseRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReleaseResponse {
            found?: (boolean|null);
            host_ifname?: (string|null);
        }

        class ReleaseResponse implements IReleaseResponse {
            constructor(p?: sluice.v1.IReleaseResponse);
            public found: boolean;
            public host_ifname: string;
            public static create(properties?: sluice.v1.IReleaseResponse): sluice.v1.ReleaseResponse;
            public static encode(m: sluice.v1.IReleaseResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IReleaseResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.ReleaseResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.ReleaseResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.ReleaseResponse;
            public static toObject(m: sluice.v1.ReleaseResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
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
            registered?: (boolean|null);
            problem?: (string|null);
        }

        class CheckResponse implements ICheckResponse {
            constructor(p?: sluice.v1.ICheckResponse);
            public found: boolean;
            public ip: string;
            public host_ifname: string;
            public endpoint_id: number;
            public registered: boolean;
            public problem: string;
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

        interface IGcRequest {
            valid?: (sluice.v1.IAttachment[]|null);
        }

        class GcRequest implements IGcRequest {
            constructor(p?: sluice.v1.IGcRequest);
            public valid: sluice.v1.IAttachment[];
            public static create(properties?: sluice.v1.IGcRequest): sluice.v1.GcRequest;
            public static encode(m: sluice.v1.IGcRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IGcRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.GcRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.GcRequest;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.GcRequest;
            public static toObject(m: sluice.v1.GcRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGcResponse {
            released?: (sluice.v1.IAttachment[]|null);
            host_ifnames?: (string[]|null);
        }

        class GcResponse implements IGcResponse {
            constructor(p?: sluice.v1.IGcResponse);
            public released: sluice.v1.IAttachment[];
            public host_ifnames: string[];
            public static create(properties?: sluice.v1.IGcResponse): sluice.v1.GcResponse;
            public static encode(m: sluice.v1.IGcResponse, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: sluice.v1.IGcResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): sluice.v1.GcResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): sluice.v1.GcResponse;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): sluice.v1.GcResponse;
            public static toObject(m: sluice.v1.GcResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };
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
    }
}
