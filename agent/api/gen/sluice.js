/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const sluice = $root.sluice = (() => {

    /**
     * Namespace sluice.
     * @exports sluice
     * @namespace
     */
    const sluice = {};

    sluice.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof sluice
         * @namespace
         */
        const v1 = {};

        v1.Request = (function() {

            /**
             * Properties of a Request.
             * @memberof sluice.v1
             * @interface IRequest
             * @property {number|null} [version] Request version
             * @property {sluice.v1.ICniRequest|null} [cni] Request cni
             * @property {sluice.v1.ICniStepResult|null} [cni_step] Request cni_step
             * @property {sluice.v1.ICheckRequest|null} [check] Request check
             * @property {sluice.v1.IStatusRequest|null} [status] Request status
             * @property {sluice.v1.IReloadRequest|null} [reload] Request reload
             * @property {sluice.v1.IDescribeRequest|null} [describe] Request describe
             * @property {sluice.v1.IExplainRequest|null} [explain] Request explain
             * @property {sluice.v1.IObserveRequest|null} [observe] Request observe
             */

            /**
             * Constructs a new Request.
             * @memberof sluice.v1
             * @classdesc Represents a Request.
             * @implements IRequest
             * @constructor
             * @param {sluice.v1.IRequest=} [p] Properties to set
             */
            function Request(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Request version.
             * @member {number} version
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.version = 0;

            /**
             * Request cni.
             * @member {sluice.v1.ICniRequest|null|undefined} cni
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.cni = null;

            /**
             * Request cni_step.
             * @member {sluice.v1.ICniStepResult|null|undefined} cni_step
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.cni_step = null;

            /**
             * Request check.
             * @member {sluice.v1.ICheckRequest|null|undefined} check
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.check = null;

            /**
             * Request status.
             * @member {sluice.v1.IStatusRequest|null|undefined} status
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.status = null;

            /**
             * Request reload.
             * @member {sluice.v1.IReloadRequest|null|undefined} reload
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.reload = null;

            /**
             * Request describe.
             * @member {sluice.v1.IDescribeRequest|null|undefined} describe
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.describe = null;

            /**
             * Request explain.
             * @member {sluice.v1.IExplainRequest|null|undefined} explain
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.explain = null;

            /**
             * Request observe.
             * @member {sluice.v1.IObserveRequest|null|undefined} observe
             * @memberof sluice.v1.Request
             * @instance
             */
            Request.prototype.observe = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Request body.
             * @member {"cni"|"cni_step"|"check"|"status"|"reload"|"describe"|"explain"|"observe"|undefined} body
             * @memberof sluice.v1.Request
             * @instance
             */
            Object.defineProperty(Request.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["cni", "cni_step", "check", "status", "reload", "describe", "explain", "observe"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Request instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Request
             * @static
             * @param {sluice.v1.IRequest=} [properties] Properties to set
             * @returns {sluice.v1.Request} Request instance
             */
            Request.create = function create(properties) {
                return new Request(properties);
            };

            /**
             * Encodes the specified Request message. Does not implicitly {@link sluice.v1.Request.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Request
             * @static
             * @param {sluice.v1.IRequest} m Request message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Request.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.version != null && Object.hasOwnProperty.call(m, "version"))
                    w.uint32(8).uint32(m.version);
                if (m.check != null && Object.hasOwnProperty.call(m, "check"))
                    $root.sluice.v1.CheckRequest.encode(m.check, w.uint32(106).fork(), q + 1).ldelim();
                if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                    $root.sluice.v1.StatusRequest.encode(m.status, w.uint32(114).fork(), q + 1).ldelim();
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload"))
                    $root.sluice.v1.ReloadRequest.encode(m.reload, w.uint32(130).fork(), q + 1).ldelim();
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe"))
                    $root.sluice.v1.DescribeRequest.encode(m.describe, w.uint32(138).fork(), q + 1).ldelim();
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain"))
                    $root.sluice.v1.ExplainRequest.encode(m.explain, w.uint32(146).fork(), q + 1).ldelim();
                if (m.observe != null && Object.hasOwnProperty.call(m, "observe"))
                    $root.sluice.v1.ObserveRequest.encode(m.observe, w.uint32(154).fork(), q + 1).ldelim();
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni"))
                    $root.sluice.v1.CniRequest.encode(m.cni, w.uint32(162).fork(), q + 1).ldelim();
                if (m.cni_step != null && Object.hasOwnProperty.call(m, "cni_step"))
                    $root.sluice.v1.CniStepResult.encode(m.cni_step, w.uint32(170).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified Request message, length delimited. Does not implicitly {@link sluice.v1.Request.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Request
             * @static
             * @param {sluice.v1.IRequest} message Request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Request.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Request message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Request
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Request} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Request.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Request();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.version = r.uint32();
                            break;
                        }
                    case 20: {
                            m.cni = $root.sluice.v1.CniRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 21: {
                            m.cni_step = $root.sluice.v1.CniStepResult.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 13: {
                            m.check = $root.sluice.v1.CheckRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 14: {
                            m.status = $root.sluice.v1.StatusRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 16: {
                            m.reload = $root.sluice.v1.ReloadRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 17: {
                            m.describe = $root.sluice.v1.DescribeRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 18: {
                            m.explain = $root.sluice.v1.ExplainRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 19: {
                            m.observe = $root.sluice.v1.ObserveRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a Request message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Request} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Request.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Request message.
             * @function verify
             * @memberof sluice.v1.Request
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Request.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                var p = {};
                if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version))
                        return "version: integer expected";
                }
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni")) {
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.CniRequest.verify(m.cni, n + 1);
                        if (e)
                            return "cni." + e;
                    }
                }
                if (m.cni_step != null && Object.hasOwnProperty.call(m, "cni_step")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.CniStepResult.verify(m.cni_step, n + 1);
                        if (e)
                            return "cni_step." + e;
                    }
                }
                if (m.check != null && Object.hasOwnProperty.call(m, "check")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.CheckRequest.verify(m.check, n + 1);
                        if (e)
                            return "check." + e;
                    }
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.StatusRequest.verify(m.status, n + 1);
                        if (e)
                            return "status." + e;
                    }
                }
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ReloadRequest.verify(m.reload, n + 1);
                        if (e)
                            return "reload." + e;
                    }
                }
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.DescribeRequest.verify(m.describe, n + 1);
                        if (e)
                            return "describe." + e;
                    }
                }
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ExplainRequest.verify(m.explain, n + 1);
                        if (e)
                            return "explain." + e;
                    }
                }
                if (m.observe != null && Object.hasOwnProperty.call(m, "observe")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ObserveRequest.verify(m.observe, n + 1);
                        if (e)
                            return "observe." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Request message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Request
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Request} Request
             */
            Request.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Request)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Request: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Request();
                if (d.version != null) {
                    m.version = d.version >>> 0;
                }
                if (d.cni != null) {
                    if (!$util.isObject(d.cni))
                        throw TypeError(".sluice.v1.Request.cni: object expected");
                    m.cni = $root.sluice.v1.CniRequest.fromObject(d.cni, n + 1);
                }
                if (d.cni_step != null) {
                    if (!$util.isObject(d.cni_step))
                        throw TypeError(".sluice.v1.Request.cni_step: object expected");
                    m.cni_step = $root.sluice.v1.CniStepResult.fromObject(d.cni_step, n + 1);
                }
                if (d.check != null) {
                    if (!$util.isObject(d.check))
                        throw TypeError(".sluice.v1.Request.check: object expected");
                    m.check = $root.sluice.v1.CheckRequest.fromObject(d.check, n + 1);
                }
                if (d.status != null) {
                    if (!$util.isObject(d.status))
                        throw TypeError(".sluice.v1.Request.status: object expected");
                    m.status = $root.sluice.v1.StatusRequest.fromObject(d.status, n + 1);
                }
                if (d.reload != null) {
                    if (!$util.isObject(d.reload))
                        throw TypeError(".sluice.v1.Request.reload: object expected");
                    m.reload = $root.sluice.v1.ReloadRequest.fromObject(d.reload, n + 1);
                }
                if (d.describe != null) {
                    if (!$util.isObject(d.describe))
                        throw TypeError(".sluice.v1.Request.describe: object expected");
                    m.describe = $root.sluice.v1.DescribeRequest.fromObject(d.describe, n + 1);
                }
                if (d.explain != null) {
                    if (!$util.isObject(d.explain))
                        throw TypeError(".sluice.v1.Request.explain: object expected");
                    m.explain = $root.sluice.v1.ExplainRequest.fromObject(d.explain, n + 1);
                }
                if (d.observe != null) {
                    if (!$util.isObject(d.observe))
                        throw TypeError(".sluice.v1.Request.observe: object expected");
                    m.observe = $root.sluice.v1.ObserveRequest.fromObject(d.observe, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Request message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Request
             * @static
             * @param {sluice.v1.Request} m Request
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Request.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                }
                if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.check != null && Object.hasOwnProperty.call(m, "check")) {
                    d.check = $root.sluice.v1.CheckRequest.toObject(m.check, o, q + 1);
                    if (o.oneofs)
                        d.body = "check";
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    d.status = $root.sluice.v1.StatusRequest.toObject(m.status, o, q + 1);
                    if (o.oneofs)
                        d.body = "status";
                }
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload")) {
                    d.reload = $root.sluice.v1.ReloadRequest.toObject(m.reload, o, q + 1);
                    if (o.oneofs)
                        d.body = "reload";
                }
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe")) {
                    d.describe = $root.sluice.v1.DescribeRequest.toObject(m.describe, o, q + 1);
                    if (o.oneofs)
                        d.body = "describe";
                }
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain")) {
                    d.explain = $root.sluice.v1.ExplainRequest.toObject(m.explain, o, q + 1);
                    if (o.oneofs)
                        d.body = "explain";
                }
                if (m.observe != null && Object.hasOwnProperty.call(m, "observe")) {
                    d.observe = $root.sluice.v1.ObserveRequest.toObject(m.observe, o, q + 1);
                    if (o.oneofs)
                        d.body = "observe";
                }
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni")) {
                    d.cni = $root.sluice.v1.CniRequest.toObject(m.cni, o, q + 1);
                    if (o.oneofs)
                        d.body = "cni";
                }
                if (m.cni_step != null && Object.hasOwnProperty.call(m, "cni_step")) {
                    d.cni_step = $root.sluice.v1.CniStepResult.toObject(m.cni_step, o, q + 1);
                    if (o.oneofs)
                        d.body = "cni_step";
                }
                return d;
            };

            /**
             * Converts this Request to JSON.
             * @function toJSON
             * @memberof sluice.v1.Request
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Request.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Request
             * @function getTypeUrl
             * @memberof sluice.v1.Request
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Request.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Request";
            };

            return Request;
        })();

        v1.Response = (function() {

            /**
             * Properties of a Response.
             * @memberof sluice.v1
             * @interface IResponse
             * @property {number|null} [version] Response version
             * @property {sluice.v1.IError|null} [error] Response error
             * @property {sluice.v1.ICheckResponse|null} [check] Response check
             * @property {sluice.v1.IStatusResponse|null} [status] Response status
             * @property {sluice.v1.IReloadResponse|null} [reload] Response reload
             * @property {sluice.v1.IDescribeResponse|null} [describe] Response describe
             * @property {sluice.v1.IExplainResponse|null} [explain] Response explain
             * @property {sluice.v1.IFlow|null} [flow] Response flow
             * @property {sluice.v1.IObserveLost|null} [lost] Response lost
             * @property {sluice.v1.ICniStep|null} [cni] Response cni
             */

            /**
             * Constructs a new Response.
             * @memberof sluice.v1
             * @classdesc Represents a Response.
             * @implements IResponse
             * @constructor
             * @param {sluice.v1.IResponse=} [p] Properties to set
             */
            function Response(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Response version.
             * @member {number} version
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.version = 0;

            /**
             * Response error.
             * @member {sluice.v1.IError|null|undefined} error
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.error = null;

            /**
             * Response check.
             * @member {sluice.v1.ICheckResponse|null|undefined} check
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.check = null;

            /**
             * Response status.
             * @member {sluice.v1.IStatusResponse|null|undefined} status
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.status = null;

            /**
             * Response reload.
             * @member {sluice.v1.IReloadResponse|null|undefined} reload
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.reload = null;

            /**
             * Response describe.
             * @member {sluice.v1.IDescribeResponse|null|undefined} describe
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.describe = null;

            /**
             * Response explain.
             * @member {sluice.v1.IExplainResponse|null|undefined} explain
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.explain = null;

            /**
             * Response flow.
             * @member {sluice.v1.IFlow|null|undefined} flow
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.flow = null;

            /**
             * Response lost.
             * @member {sluice.v1.IObserveLost|null|undefined} lost
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.lost = null;

            /**
             * Response cni.
             * @member {sluice.v1.ICniStep|null|undefined} cni
             * @memberof sluice.v1.Response
             * @instance
             */
            Response.prototype.cni = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Response body.
             * @member {"check"|"status"|"reload"|"describe"|"explain"|"flow"|"lost"|"cni"|undefined} body
             * @memberof sluice.v1.Response
             * @instance
             */
            Object.defineProperty(Response.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["check", "status", "reload", "describe", "explain", "flow", "lost", "cni"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Response instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Response
             * @static
             * @param {sluice.v1.IResponse=} [properties] Properties to set
             * @returns {sluice.v1.Response} Response instance
             */
            Response.create = function create(properties) {
                return new Response(properties);
            };

            /**
             * Encodes the specified Response message. Does not implicitly {@link sluice.v1.Response.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Response
             * @static
             * @param {sluice.v1.IResponse} m Response message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Response.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.version != null && Object.hasOwnProperty.call(m, "version"))
                    w.uint32(8).uint32(m.version);
                if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                    $root.sluice.v1.Error.encode(m.error, w.uint32(18).fork(), q + 1).ldelim();
                if (m.check != null && Object.hasOwnProperty.call(m, "check"))
                    $root.sluice.v1.CheckResponse.encode(m.check, w.uint32(106).fork(), q + 1).ldelim();
                if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                    $root.sluice.v1.StatusResponse.encode(m.status, w.uint32(114).fork(), q + 1).ldelim();
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload"))
                    $root.sluice.v1.ReloadResponse.encode(m.reload, w.uint32(130).fork(), q + 1).ldelim();
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe"))
                    $root.sluice.v1.DescribeResponse.encode(m.describe, w.uint32(138).fork(), q + 1).ldelim();
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain"))
                    $root.sluice.v1.ExplainResponse.encode(m.explain, w.uint32(146).fork(), q + 1).ldelim();
                if (m.flow != null && Object.hasOwnProperty.call(m, "flow"))
                    $root.sluice.v1.Flow.encode(m.flow, w.uint32(154).fork(), q + 1).ldelim();
                if (m.lost != null && Object.hasOwnProperty.call(m, "lost"))
                    $root.sluice.v1.ObserveLost.encode(m.lost, w.uint32(162).fork(), q + 1).ldelim();
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni"))
                    $root.sluice.v1.CniStep.encode(m.cni, w.uint32(170).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified Response message, length delimited. Does not implicitly {@link sluice.v1.Response.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Response
             * @static
             * @param {sluice.v1.IResponse} message Response message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Response.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Response message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Response
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Response} Response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Response.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Response();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.version = r.uint32();
                            break;
                        }
                    case 2: {
                            m.error = $root.sluice.v1.Error.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 13: {
                            m.check = $root.sluice.v1.CheckResponse.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 14: {
                            m.status = $root.sluice.v1.StatusResponse.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 16: {
                            m.reload = $root.sluice.v1.ReloadResponse.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 17: {
                            m.describe = $root.sluice.v1.DescribeResponse.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 18: {
                            m.explain = $root.sluice.v1.ExplainResponse.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 19: {
                            m.flow = $root.sluice.v1.Flow.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 20: {
                            m.lost = $root.sluice.v1.ObserveLost.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 21: {
                            m.cni = $root.sluice.v1.CniStep.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a Response message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Response
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Response} Response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Response.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Response message.
             * @function verify
             * @memberof sluice.v1.Response
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Response.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                var p = {};
                if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version))
                        return "version: integer expected";
                }
                if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                    {
                        var e = $root.sluice.v1.Error.verify(m.error, n + 1);
                        if (e)
                            return "error." + e;
                    }
                }
                if (m.check != null && Object.hasOwnProperty.call(m, "check")) {
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.CheckResponse.verify(m.check, n + 1);
                        if (e)
                            return "check." + e;
                    }
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.StatusResponse.verify(m.status, n + 1);
                        if (e)
                            return "status." + e;
                    }
                }
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ReloadResponse.verify(m.reload, n + 1);
                        if (e)
                            return "reload." + e;
                    }
                }
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.DescribeResponse.verify(m.describe, n + 1);
                        if (e)
                            return "describe." + e;
                    }
                }
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ExplainResponse.verify(m.explain, n + 1);
                        if (e)
                            return "explain." + e;
                    }
                }
                if (m.flow != null && Object.hasOwnProperty.call(m, "flow")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.Flow.verify(m.flow, n + 1);
                        if (e)
                            return "flow." + e;
                    }
                }
                if (m.lost != null && Object.hasOwnProperty.call(m, "lost")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.ObserveLost.verify(m.lost, n + 1);
                        if (e)
                            return "lost." + e;
                    }
                }
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.sluice.v1.CniStep.verify(m.cni, n + 1);
                        if (e)
                            return "cni." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Response message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Response
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Response} Response
             */
            Response.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Response)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Response: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Response();
                if (d.version != null) {
                    m.version = d.version >>> 0;
                }
                if (d.error != null) {
                    if (!$util.isObject(d.error))
                        throw TypeError(".sluice.v1.Response.error: object expected");
                    m.error = $root.sluice.v1.Error.fromObject(d.error, n + 1);
                }
                if (d.check != null) {
                    if (!$util.isObject(d.check))
                        throw TypeError(".sluice.v1.Response.check: object expected");
                    m.check = $root.sluice.v1.CheckResponse.fromObject(d.check, n + 1);
                }
                if (d.status != null) {
                    if (!$util.isObject(d.status))
                        throw TypeError(".sluice.v1.Response.status: object expected");
                    m.status = $root.sluice.v1.StatusResponse.fromObject(d.status, n + 1);
                }
                if (d.reload != null) {
                    if (!$util.isObject(d.reload))
                        throw TypeError(".sluice.v1.Response.reload: object expected");
                    m.reload = $root.sluice.v1.ReloadResponse.fromObject(d.reload, n + 1);
                }
                if (d.describe != null) {
                    if (!$util.isObject(d.describe))
                        throw TypeError(".sluice.v1.Response.describe: object expected");
                    m.describe = $root.sluice.v1.DescribeResponse.fromObject(d.describe, n + 1);
                }
                if (d.explain != null) {
                    if (!$util.isObject(d.explain))
                        throw TypeError(".sluice.v1.Response.explain: object expected");
                    m.explain = $root.sluice.v1.ExplainResponse.fromObject(d.explain, n + 1);
                }
                if (d.flow != null) {
                    if (!$util.isObject(d.flow))
                        throw TypeError(".sluice.v1.Response.flow: object expected");
                    m.flow = $root.sluice.v1.Flow.fromObject(d.flow, n + 1);
                }
                if (d.lost != null) {
                    if (!$util.isObject(d.lost))
                        throw TypeError(".sluice.v1.Response.lost: object expected");
                    m.lost = $root.sluice.v1.ObserveLost.fromObject(d.lost, n + 1);
                }
                if (d.cni != null) {
                    if (!$util.isObject(d.cni))
                        throw TypeError(".sluice.v1.Response.cni: object expected");
                    m.cni = $root.sluice.v1.CniStep.fromObject(d.cni, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Response message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Response
             * @static
             * @param {sluice.v1.Response} m Response
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Response.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                    d.error = null;
                }
                if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                    d.error = $root.sluice.v1.Error.toObject(m.error, o, q + 1);
                }
                if (m.check != null && Object.hasOwnProperty.call(m, "check")) {
                    d.check = $root.sluice.v1.CheckResponse.toObject(m.check, o, q + 1);
                    if (o.oneofs)
                        d.body = "check";
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    d.status = $root.sluice.v1.StatusResponse.toObject(m.status, o, q + 1);
                    if (o.oneofs)
                        d.body = "status";
                }
                if (m.reload != null && Object.hasOwnProperty.call(m, "reload")) {
                    d.reload = $root.sluice.v1.ReloadResponse.toObject(m.reload, o, q + 1);
                    if (o.oneofs)
                        d.body = "reload";
                }
                if (m.describe != null && Object.hasOwnProperty.call(m, "describe")) {
                    d.describe = $root.sluice.v1.DescribeResponse.toObject(m.describe, o, q + 1);
                    if (o.oneofs)
                        d.body = "describe";
                }
                if (m.explain != null && Object.hasOwnProperty.call(m, "explain")) {
                    d.explain = $root.sluice.v1.ExplainResponse.toObject(m.explain, o, q + 1);
                    if (o.oneofs)
                        d.body = "explain";
                }
                if (m.flow != null && Object.hasOwnProperty.call(m, "flow")) {
                    d.flow = $root.sluice.v1.Flow.toObject(m.flow, o, q + 1);
                    if (o.oneofs)
                        d.body = "flow";
                }
                if (m.lost != null && Object.hasOwnProperty.call(m, "lost")) {
                    d.lost = $root.sluice.v1.ObserveLost.toObject(m.lost, o, q + 1);
                    if (o.oneofs)
                        d.body = "lost";
                }
                if (m.cni != null && Object.hasOwnProperty.call(m, "cni")) {
                    d.cni = $root.sluice.v1.CniStep.toObject(m.cni, o, q + 1);
                    if (o.oneofs)
                        d.body = "cni";
                }
                return d;
            };

            /**
             * Converts this Response to JSON.
             * @function toJSON
             * @memberof sluice.v1.Response
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Response.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Response
             * @function getTypeUrl
             * @memberof sluice.v1.Response
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Response.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Response";
            };

            return Response;
        })();

        /**
         * ErrorCode enum.
         * @name sluice.v1.ErrorCode
         * @enum {number}
         * @property {number} ERROR_CODE_UNSPECIFIED=0 ERROR_CODE_UNSPECIFIED value
         * @property {number} INVALID_ARGUMENT=1 INVALID_ARGUMENT value
         * @property {number} NOT_FOUND=2 NOT_FOUND value
         * @property {number} UNAVAILABLE=3 UNAVAILABLE value
         * @property {number} INTERNAL=4 INTERNAL value
         * @property {number} INCOMPATIBLE_VERSION=5 INCOMPATIBLE_VERSION value
         * @property {number} UNDECODABLE=6 UNDECODABLE value
         */
        v1.ErrorCode = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "INVALID_ARGUMENT"] = 1;
            values[valuesById[2] = "NOT_FOUND"] = 2;
            values[valuesById[3] = "UNAVAILABLE"] = 3;
            values[valuesById[4] = "INTERNAL"] = 4;
            values[valuesById[5] = "INCOMPATIBLE_VERSION"] = 5;
            values[valuesById[6] = "UNDECODABLE"] = 6;
            return values;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @memberof sluice.v1
             * @interface IError
             * @property {number|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {sluice.v1.ErrorCode|null} [api_code] Error api_code
             */

            /**
             * Constructs a new Error.
             * @memberof sluice.v1
             * @classdesc Represents an Error.
             * @implements IError
             * @constructor
             * @param {sluice.v1.IError=} [p] Properties to set
             */
            function Error(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Error code.
             * @member {number} code
             * @memberof sluice.v1.Error
             * @instance
             */
            Error.prototype.code = 0;

            /**
             * Error message.
             * @member {string} message
             * @memberof sluice.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error api_code.
             * @member {sluice.v1.ErrorCode} api_code
             * @memberof sluice.v1.Error
             * @instance
             */
            Error.prototype.api_code = 0;

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Error
             * @static
             * @param {sluice.v1.IError=} [properties] Properties to set
             * @returns {sluice.v1.Error} Error instance
             */
            Error.create = function create(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link sluice.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Error
             * @static
             * @param {sluice.v1.IError} m Error message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                    w.uint32(8).uint32(m.code);
                if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                    w.uint32(18).string(m.message);
                if (m.api_code != null && Object.hasOwnProperty.call(m, "api_code"))
                    w.uint32(24).int32(m.api_code);
                return w;
            };

            /**
             * Encodes the specified Error message, length delimited. Does not implicitly {@link sluice.v1.Error.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Error
             * @static
             * @param {sluice.v1.IError} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Error} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Error();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.code = r.uint32();
                            break;
                        }
                    case 2: {
                            m.message = r.string();
                            break;
                        }
                    case 3: {
                            m.api_code = r.int32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an Error message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Error} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an Error message.
             * @function verify
             * @memberof sluice.v1.Error
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Error.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.code != null && Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isInteger(m.code))
                        return "code: integer expected";
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.api_code != null && Object.hasOwnProperty.call(m, "api_code")) {
                    switch (m.api_code) {
                    default:
                        return "api_code: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                    case 6:
                        break;
                    }
                }
                return null;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Error
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Error} Error
             */
            Error.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Error)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Error: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Error();
                if (d.code != null) {
                    m.code = d.code >>> 0;
                }
                if (d.message != null) {
                    m.message = String(d.message);
                }
                switch (d.api_code) {
                default:
                    if (typeof d.api_code === "number") {
                        m.api_code = d.api_code;
                        break;
                    }
                    break;
                case "ERROR_CODE_UNSPECIFIED":
                case 0:
                    m.api_code = 0;
                    break;
                case "INVALID_ARGUMENT":
                case 1:
                    m.api_code = 1;
                    break;
                case "NOT_FOUND":
                case 2:
                    m.api_code = 2;
                    break;
                case "UNAVAILABLE":
                case 3:
                    m.api_code = 3;
                    break;
                case "INTERNAL":
                case 4:
                    m.api_code = 4;
                    break;
                case "INCOMPATIBLE_VERSION":
                case 5:
                    m.api_code = 5;
                    break;
                case "UNDECODABLE":
                case 6:
                    m.api_code = 6;
                    break;
                }
                return m;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Error
             * @static
             * @param {sluice.v1.Error} m Error
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.code = 0;
                    d.message = "";
                    d.api_code = o.enums === String ? "ERROR_CODE_UNSPECIFIED" : 0;
                }
                if (m.code != null && Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.api_code != null && Object.hasOwnProperty.call(m, "api_code")) {
                    d.api_code = o.enums === String ? $root.sluice.v1.ErrorCode[m.api_code] === undefined ? m.api_code : $root.sluice.v1.ErrorCode[m.api_code] : m.api_code;
                }
                return d;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof sluice.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Error
             * @function getTypeUrl
             * @memberof sluice.v1.Error
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Error.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Error";
            };

            return Error;
        })();

        v1.Attachment = (function() {

            /**
             * Properties of an Attachment.
             * @memberof sluice.v1
             * @interface IAttachment
             * @property {string|null} [container_id] Attachment container_id
             * @property {string|null} [ifname] Attachment ifname
             */

            /**
             * Constructs a new Attachment.
             * @memberof sluice.v1
             * @classdesc Represents an Attachment.
             * @implements IAttachment
             * @constructor
             * @param {sluice.v1.IAttachment=} [p] Properties to set
             */
            function Attachment(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Attachment container_id.
             * @member {string} container_id
             * @memberof sluice.v1.Attachment
             * @instance
             */
            Attachment.prototype.container_id = "";

            /**
             * Attachment ifname.
             * @member {string} ifname
             * @memberof sluice.v1.Attachment
             * @instance
             */
            Attachment.prototype.ifname = "";

            /**
             * Creates a new Attachment instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Attachment
             * @static
             * @param {sluice.v1.IAttachment=} [properties] Properties to set
             * @returns {sluice.v1.Attachment} Attachment instance
             */
            Attachment.create = function create(properties) {
                return new Attachment(properties);
            };

            /**
             * Encodes the specified Attachment message. Does not implicitly {@link sluice.v1.Attachment.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Attachment
             * @static
             * @param {sluice.v1.IAttachment} m Attachment message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Attachment.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id"))
                    w.uint32(10).string(m.container_id);
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname"))
                    w.uint32(18).string(m.ifname);
                return w;
            };

            /**
             * Encodes the specified Attachment message, length delimited. Does not implicitly {@link sluice.v1.Attachment.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Attachment
             * @static
             * @param {sluice.v1.IAttachment} message Attachment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Attachment.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an Attachment message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Attachment
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Attachment} Attachment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Attachment.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Attachment();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.container_id = r.string();
                            break;
                        }
                    case 2: {
                            m.ifname = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an Attachment message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Attachment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Attachment} Attachment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Attachment.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an Attachment message.
             * @function verify
             * @memberof sluice.v1.Attachment
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Attachment.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id")) {
                    if (!$util.isString(m.container_id))
                        return "container_id: string expected";
                }
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname")) {
                    if (!$util.isString(m.ifname))
                        return "ifname: string expected";
                }
                return null;
            };

            /**
             * Creates an Attachment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Attachment
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Attachment} Attachment
             */
            Attachment.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Attachment)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Attachment: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Attachment();
                if (d.container_id != null) {
                    m.container_id = String(d.container_id);
                }
                if (d.ifname != null) {
                    m.ifname = String(d.ifname);
                }
                return m;
            };

            /**
             * Creates a plain object from an Attachment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Attachment
             * @static
             * @param {sluice.v1.Attachment} m Attachment
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Attachment.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.container_id = "";
                    d.ifname = "";
                }
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id")) {
                    d.container_id = m.container_id;
                }
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname")) {
                    d.ifname = m.ifname;
                }
                return d;
            };

            /**
             * Converts this Attachment to JSON.
             * @function toJSON
             * @memberof sluice.v1.Attachment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Attachment.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Attachment
             * @function getTypeUrl
             * @memberof sluice.v1.Attachment
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Attachment.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Attachment";
            };

            return Attachment;
        })();

        v1.CheckRequest = (function() {

            /**
             * Properties of a CheckRequest.
             * @memberof sluice.v1
             * @interface ICheckRequest
             * @property {sluice.v1.IAttachment|null} [attachment] CheckRequest attachment
             */

            /**
             * Constructs a new CheckRequest.
             * @memberof sluice.v1
             * @classdesc Represents a CheckRequest.
             * @implements ICheckRequest
             * @constructor
             * @param {sluice.v1.ICheckRequest=} [p] Properties to set
             */
            function CheckRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CheckRequest attachment.
             * @member {sluice.v1.IAttachment|null|undefined} attachment
             * @memberof sluice.v1.CheckRequest
             * @instance
             */
            CheckRequest.prototype.attachment = null;

            /**
             * Creates a new CheckRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {sluice.v1.ICheckRequest=} [properties] Properties to set
             * @returns {sluice.v1.CheckRequest} CheckRequest instance
             */
            CheckRequest.create = function create(properties) {
                return new CheckRequest(properties);
            };

            /**
             * Encodes the specified CheckRequest message. Does not implicitly {@link sluice.v1.CheckRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {sluice.v1.ICheckRequest} m CheckRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.attachment != null && Object.hasOwnProperty.call(m, "attachment"))
                    $root.sluice.v1.Attachment.encode(m.attachment, w.uint32(10).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified CheckRequest message, length delimited. Does not implicitly {@link sluice.v1.CheckRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {sluice.v1.ICheckRequest} message CheckRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CheckRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CheckRequest} CheckRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CheckRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.attachment = $root.sluice.v1.Attachment.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CheckRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CheckRequest} CheckRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CheckRequest message.
             * @function verify
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CheckRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.attachment != null && Object.hasOwnProperty.call(m, "attachment")) {
                    {
                        var e = $root.sluice.v1.Attachment.verify(m.attachment, n + 1);
                        if (e)
                            return "attachment." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a CheckRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CheckRequest} CheckRequest
             */
            CheckRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CheckRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CheckRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CheckRequest();
                if (d.attachment != null) {
                    if (!$util.isObject(d.attachment))
                        throw TypeError(".sluice.v1.CheckRequest.attachment: object expected");
                    m.attachment = $root.sluice.v1.Attachment.fromObject(d.attachment, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a CheckRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {sluice.v1.CheckRequest} m CheckRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.attachment = null;
                }
                if (m.attachment != null && Object.hasOwnProperty.call(m, "attachment")) {
                    d.attachment = $root.sluice.v1.Attachment.toObject(m.attachment, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this CheckRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.CheckRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CheckRequest
             * @function getTypeUrl
             * @memberof sluice.v1.CheckRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CheckRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CheckRequest";
            };

            return CheckRequest;
        })();

        v1.CheckResponse = (function() {

            /**
             * Properties of a CheckResponse.
             * @memberof sluice.v1
             * @interface ICheckResponse
             * @property {boolean|null} [found] CheckResponse found
             * @property {string|null} [ip] CheckResponse ip
             * @property {string|null} [host_ifname] CheckResponse host_ifname
             * @property {number|null} [endpoint_id] CheckResponse endpoint_id
             * @property {string|null} [problem] CheckResponse problem
             * @property {string|null} [ipv6] CheckResponse ipv6
             */

            /**
             * Constructs a new CheckResponse.
             * @memberof sluice.v1
             * @classdesc Represents a CheckResponse.
             * @implements ICheckResponse
             * @constructor
             * @param {sluice.v1.ICheckResponse=} [p] Properties to set
             */
            function CheckResponse(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CheckResponse found.
             * @member {boolean} found
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.found = false;

            /**
             * CheckResponse ip.
             * @member {string} ip
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.ip = "";

            /**
             * CheckResponse host_ifname.
             * @member {string} host_ifname
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.host_ifname = "";

            /**
             * CheckResponse endpoint_id.
             * @member {number} endpoint_id
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.endpoint_id = 0;

            /**
             * CheckResponse problem.
             * @member {string} problem
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.problem = "";

            /**
             * CheckResponse ipv6.
             * @member {string} ipv6
             * @memberof sluice.v1.CheckResponse
             * @instance
             */
            CheckResponse.prototype.ipv6 = "";

            /**
             * Creates a new CheckResponse instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {sluice.v1.ICheckResponse=} [properties] Properties to set
             * @returns {sluice.v1.CheckResponse} CheckResponse instance
             */
            CheckResponse.create = function create(properties) {
                return new CheckResponse(properties);
            };

            /**
             * Encodes the specified CheckResponse message. Does not implicitly {@link sluice.v1.CheckResponse.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {sluice.v1.ICheckResponse} m CheckResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.found != null && Object.hasOwnProperty.call(m, "found"))
                    w.uint32(8).bool(m.found);
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip"))
                    w.uint32(18).string(m.ip);
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname"))
                    w.uint32(26).string(m.host_ifname);
                if (m.endpoint_id != null && Object.hasOwnProperty.call(m, "endpoint_id"))
                    w.uint32(32).uint32(m.endpoint_id);
                if (m.problem != null && Object.hasOwnProperty.call(m, "problem"))
                    w.uint32(50).string(m.problem);
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6"))
                    w.uint32(58).string(m.ipv6);
                return w;
            };

            /**
             * Encodes the specified CheckResponse message, length delimited. Does not implicitly {@link sluice.v1.CheckResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {sluice.v1.ICheckResponse} message CheckResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CheckResponse message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CheckResponse} CheckResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CheckResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.found = r.bool();
                            break;
                        }
                    case 2: {
                            m.ip = r.string();
                            break;
                        }
                    case 3: {
                            m.host_ifname = r.string();
                            break;
                        }
                    case 4: {
                            m.endpoint_id = r.uint32();
                            break;
                        }
                    case 6: {
                            m.problem = r.string();
                            break;
                        }
                    case 7: {
                            m.ipv6 = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CheckResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CheckResponse} CheckResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CheckResponse message.
             * @function verify
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CheckResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.found != null && Object.hasOwnProperty.call(m, "found")) {
                    if (typeof m.found !== "boolean")
                        return "found: boolean expected";
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    if (!$util.isString(m.ip))
                        return "ip: string expected";
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    if (!$util.isString(m.host_ifname))
                        return "host_ifname: string expected";
                }
                if (m.endpoint_id != null && Object.hasOwnProperty.call(m, "endpoint_id")) {
                    if (!$util.isInteger(m.endpoint_id))
                        return "endpoint_id: integer expected";
                }
                if (m.problem != null && Object.hasOwnProperty.call(m, "problem")) {
                    if (!$util.isString(m.problem))
                        return "problem: string expected";
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    if (!$util.isString(m.ipv6))
                        return "ipv6: string expected";
                }
                return null;
            };

            /**
             * Creates a CheckResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CheckResponse} CheckResponse
             */
            CheckResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CheckResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CheckResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CheckResponse();
                if (d.found != null) {
                    m.found = Boolean(d.found);
                }
                if (d.ip != null) {
                    m.ip = String(d.ip);
                }
                if (d.host_ifname != null) {
                    m.host_ifname = String(d.host_ifname);
                }
                if (d.endpoint_id != null) {
                    m.endpoint_id = d.endpoint_id >>> 0;
                }
                if (d.problem != null) {
                    m.problem = String(d.problem);
                }
                if (d.ipv6 != null) {
                    m.ipv6 = String(d.ipv6);
                }
                return m;
            };

            /**
             * Creates a plain object from a CheckResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {sluice.v1.CheckResponse} m CheckResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.found = false;
                    d.ip = "";
                    d.host_ifname = "";
                    d.endpoint_id = 0;
                    d.problem = "";
                    d.ipv6 = "";
                }
                if (m.found != null && Object.hasOwnProperty.call(m, "found")) {
                    d.found = m.found;
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    d.ip = m.ip;
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    d.host_ifname = m.host_ifname;
                }
                if (m.endpoint_id != null && Object.hasOwnProperty.call(m, "endpoint_id")) {
                    d.endpoint_id = m.endpoint_id;
                }
                if (m.problem != null && Object.hasOwnProperty.call(m, "problem")) {
                    d.problem = m.problem;
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    d.ipv6 = m.ipv6;
                }
                return d;
            };

            /**
             * Converts this CheckResponse to JSON.
             * @function toJSON
             * @memberof sluice.v1.CheckResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CheckResponse
             * @function getTypeUrl
             * @memberof sluice.v1.CheckResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CheckResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CheckResponse";
            };

            return CheckResponse;
        })();

        v1.StatusRequest = (function() {

            /**
             * Properties of a StatusRequest.
             * @memberof sluice.v1
             * @interface IStatusRequest
             */

            /**
             * Constructs a new StatusRequest.
             * @memberof sluice.v1
             * @classdesc Represents a StatusRequest.
             * @implements IStatusRequest
             * @constructor
             * @param {sluice.v1.IStatusRequest=} [p] Properties to set
             */
            function StatusRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Creates a new StatusRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {sluice.v1.IStatusRequest=} [properties] Properties to set
             * @returns {sluice.v1.StatusRequest} StatusRequest instance
             */
            StatusRequest.create = function create(properties) {
                return new StatusRequest(properties);
            };

            /**
             * Encodes the specified StatusRequest message. Does not implicitly {@link sluice.v1.StatusRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {sluice.v1.IStatusRequest} m StatusRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return w;
            };

            /**
             * Encodes the specified StatusRequest message, length delimited. Does not implicitly {@link sluice.v1.StatusRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {sluice.v1.IStatusRequest} message StatusRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StatusRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.StatusRequest} StatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.StatusRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a StatusRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.StatusRequest} StatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a StatusRequest message.
             * @function verify
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StatusRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates a StatusRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.StatusRequest} StatusRequest
             */
            StatusRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.StatusRequest)
                    return d;
                return new $root.sluice.v1.StatusRequest();
            };

            /**
             * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {sluice.v1.StatusRequest} m StatusRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusRequest.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this StatusRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.StatusRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StatusRequest
             * @function getTypeUrl
             * @memberof sluice.v1.StatusRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StatusRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.StatusRequest";
            };

            return StatusRequest;
        })();

        v1.StatusResponse = (function() {

            /**
             * Properties of a StatusResponse.
             * @memberof sluice.v1
             * @interface IStatusResponse
             * @property {boolean|null} [ready] StatusResponse ready
             * @property {string|null} [message] StatusResponse message
             */

            /**
             * Constructs a new StatusResponse.
             * @memberof sluice.v1
             * @classdesc Represents a StatusResponse.
             * @implements IStatusResponse
             * @constructor
             * @param {sluice.v1.IStatusResponse=} [p] Properties to set
             */
            function StatusResponse(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * StatusResponse ready.
             * @member {boolean} ready
             * @memberof sluice.v1.StatusResponse
             * @instance
             */
            StatusResponse.prototype.ready = false;

            /**
             * StatusResponse message.
             * @member {string} message
             * @memberof sluice.v1.StatusResponse
             * @instance
             */
            StatusResponse.prototype.message = "";

            /**
             * Creates a new StatusResponse instance using the specified properties.
             * @function create
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {sluice.v1.IStatusResponse=} [properties] Properties to set
             * @returns {sluice.v1.StatusResponse} StatusResponse instance
             */
            StatusResponse.create = function create(properties) {
                return new StatusResponse(properties);
            };

            /**
             * Encodes the specified StatusResponse message. Does not implicitly {@link sluice.v1.StatusResponse.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {sluice.v1.IStatusResponse} m StatusResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.ready != null && Object.hasOwnProperty.call(m, "ready"))
                    w.uint32(8).bool(m.ready);
                if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                    w.uint32(18).string(m.message);
                return w;
            };

            /**
             * Encodes the specified StatusResponse message, length delimited. Does not implicitly {@link sluice.v1.StatusResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {sluice.v1.IStatusResponse} message StatusResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StatusResponse message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.StatusResponse} StatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.StatusResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.ready = r.bool();
                            break;
                        }
                    case 2: {
                            m.message = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a StatusResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.StatusResponse} StatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a StatusResponse message.
             * @function verify
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StatusResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.ready != null && Object.hasOwnProperty.call(m, "ready")) {
                    if (typeof m.ready !== "boolean")
                        return "ready: boolean expected";
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                return null;
            };

            /**
             * Creates a StatusResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.StatusResponse} StatusResponse
             */
            StatusResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.StatusResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.StatusResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.StatusResponse();
                if (d.ready != null) {
                    m.ready = Boolean(d.ready);
                }
                if (d.message != null) {
                    m.message = String(d.message);
                }
                return m;
            };

            /**
             * Creates a plain object from a StatusResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {sluice.v1.StatusResponse} m StatusResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.ready = false;
                    d.message = "";
                }
                if (m.ready != null && Object.hasOwnProperty.call(m, "ready")) {
                    d.ready = m.ready;
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                return d;
            };

            /**
             * Converts this StatusResponse to JSON.
             * @function toJSON
             * @memberof sluice.v1.StatusResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StatusResponse
             * @function getTypeUrl
             * @memberof sluice.v1.StatusResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StatusResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.StatusResponse";
            };

            return StatusResponse;
        })();

        v1.ReloadRequest = (function() {

            /**
             * Properties of a ReloadRequest.
             * @memberof sluice.v1
             * @interface IReloadRequest
             */

            /**
             * Constructs a new ReloadRequest.
             * @memberof sluice.v1
             * @classdesc Represents a ReloadRequest.
             * @implements IReloadRequest
             * @constructor
             * @param {sluice.v1.IReloadRequest=} [p] Properties to set
             */
            function ReloadRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Creates a new ReloadRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {sluice.v1.IReloadRequest=} [properties] Properties to set
             * @returns {sluice.v1.ReloadRequest} ReloadRequest instance
             */
            ReloadRequest.create = function create(properties) {
                return new ReloadRequest(properties);
            };

            /**
             * Encodes the specified ReloadRequest message. Does not implicitly {@link sluice.v1.ReloadRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {sluice.v1.IReloadRequest} m ReloadRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReloadRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return w;
            };

            /**
             * Encodes the specified ReloadRequest message, length delimited. Does not implicitly {@link sluice.v1.ReloadRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {sluice.v1.IReloadRequest} message ReloadRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReloadRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ReloadRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ReloadRequest} ReloadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReloadRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ReloadRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ReloadRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ReloadRequest} ReloadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReloadRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ReloadRequest message.
             * @function verify
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ReloadRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates a ReloadRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ReloadRequest} ReloadRequest
             */
            ReloadRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ReloadRequest)
                    return d;
                return new $root.sluice.v1.ReloadRequest();
            };

            /**
             * Creates a plain object from a ReloadRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {sluice.v1.ReloadRequest} m ReloadRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReloadRequest.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this ReloadRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.ReloadRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReloadRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ReloadRequest
             * @function getTypeUrl
             * @memberof sluice.v1.ReloadRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReloadRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ReloadRequest";
            };

            return ReloadRequest;
        })();

        v1.ReloadResponse = (function() {

            /**
             * Properties of a ReloadResponse.
             * @memberof sluice.v1
             * @interface IReloadResponse
             * @property {number|Long|null} [store_version] ReloadResponse store_version
             * @property {number|null} [pods] ReloadResponse pods
             * @property {number|null} [policies] ReloadResponse policies
             */

            /**
             * Constructs a new ReloadResponse.
             * @memberof sluice.v1
             * @classdesc Represents a ReloadResponse.
             * @implements IReloadResponse
             * @constructor
             * @param {sluice.v1.IReloadResponse=} [p] Properties to set
             */
            function ReloadResponse(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ReloadResponse store_version.
             * @member {number|Long} store_version
             * @memberof sluice.v1.ReloadResponse
             * @instance
             */
            ReloadResponse.prototype.store_version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ReloadResponse pods.
             * @member {number} pods
             * @memberof sluice.v1.ReloadResponse
             * @instance
             */
            ReloadResponse.prototype.pods = 0;

            /**
             * ReloadResponse policies.
             * @member {number} policies
             * @memberof sluice.v1.ReloadResponse
             * @instance
             */
            ReloadResponse.prototype.policies = 0;

            /**
             * Creates a new ReloadResponse instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {sluice.v1.IReloadResponse=} [properties] Properties to set
             * @returns {sluice.v1.ReloadResponse} ReloadResponse instance
             */
            ReloadResponse.create = function create(properties) {
                return new ReloadResponse(properties);
            };

            /**
             * Encodes the specified ReloadResponse message. Does not implicitly {@link sluice.v1.ReloadResponse.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {sluice.v1.IReloadResponse} m ReloadResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReloadResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.store_version != null && Object.hasOwnProperty.call(m, "store_version"))
                    w.uint32(8).uint64(m.store_version);
                if (m.pods != null && Object.hasOwnProperty.call(m, "pods"))
                    w.uint32(16).uint32(m.pods);
                if (m.policies != null && Object.hasOwnProperty.call(m, "policies"))
                    w.uint32(24).uint32(m.policies);
                return w;
            };

            /**
             * Encodes the specified ReloadResponse message, length delimited. Does not implicitly {@link sluice.v1.ReloadResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {sluice.v1.IReloadResponse} message ReloadResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReloadResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ReloadResponse message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ReloadResponse} ReloadResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReloadResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ReloadResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.store_version = r.uint64();
                            break;
                        }
                    case 2: {
                            m.pods = r.uint32();
                            break;
                        }
                    case 3: {
                            m.policies = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ReloadResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ReloadResponse} ReloadResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReloadResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ReloadResponse message.
             * @function verify
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ReloadResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.store_version != null && Object.hasOwnProperty.call(m, "store_version")) {
                    if (!$util.isInteger(m.store_version) && !(m.store_version && $util.isInteger(m.store_version.low) && $util.isInteger(m.store_version.high)))
                        return "store_version: integer|Long expected";
                }
                if (m.pods != null && Object.hasOwnProperty.call(m, "pods")) {
                    if (!$util.isInteger(m.pods))
                        return "pods: integer expected";
                }
                if (m.policies != null && Object.hasOwnProperty.call(m, "policies")) {
                    if (!$util.isInteger(m.policies))
                        return "policies: integer expected";
                }
                return null;
            };

            /**
             * Creates a ReloadResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ReloadResponse} ReloadResponse
             */
            ReloadResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ReloadResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ReloadResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ReloadResponse();
                if (d.store_version != null) {
                    if ($util.Long)
                        m.store_version = $util.Long.fromValue(d.store_version, true);
                    else if (typeof d.store_version === "string")
                        m.store_version = parseInt(d.store_version, 10);
                    else if (typeof d.store_version === "number")
                        m.store_version = d.store_version;
                    else if (typeof d.store_version === "object")
                        m.store_version = new $util.LongBits(d.store_version.low >>> 0, d.store_version.high >>> 0).toNumber(true);
                }
                if (d.pods != null) {
                    m.pods = d.pods >>> 0;
                }
                if (d.policies != null) {
                    m.policies = d.policies >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a ReloadResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {sluice.v1.ReloadResponse} m ReloadResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReloadResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.store_version = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.store_version = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.pods = 0;
                    d.policies = 0;
                }
                if (m.store_version != null && Object.hasOwnProperty.call(m, "store_version")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.store_version = typeof m.store_version === "number" ? BigInt(m.store_version) : $util.Long.fromBits(m.store_version.low >>> 0, m.store_version.high >>> 0, true).toBigInt();
                    else if (typeof m.store_version === "number")
                        d.store_version = o.longs === String ? String(m.store_version) : m.store_version;
                    else
                        d.store_version = o.longs === String ? $util.Long.prototype.toString.call(m.store_version) : o.longs === Number ? new $util.LongBits(m.store_version.low >>> 0, m.store_version.high >>> 0).toNumber(true) : m.store_version;
                }
                if (m.pods != null && Object.hasOwnProperty.call(m, "pods")) {
                    d.pods = m.pods;
                }
                if (m.policies != null && Object.hasOwnProperty.call(m, "policies")) {
                    d.policies = m.policies;
                }
                return d;
            };

            /**
             * Converts this ReloadResponse to JSON.
             * @function toJSON
             * @memberof sluice.v1.ReloadResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReloadResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ReloadResponse
             * @function getTypeUrl
             * @memberof sluice.v1.ReloadResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReloadResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ReloadResponse";
            };

            return ReloadResponse;
        })();

        v1.DescribeRequest = (function() {

            /**
             * Properties of a DescribeRequest.
             * @memberof sluice.v1
             * @interface IDescribeRequest
             */

            /**
             * Constructs a new DescribeRequest.
             * @memberof sluice.v1
             * @classdesc Represents a DescribeRequest.
             * @implements IDescribeRequest
             * @constructor
             * @param {sluice.v1.IDescribeRequest=} [p] Properties to set
             */
            function DescribeRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Creates a new DescribeRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {sluice.v1.IDescribeRequest=} [properties] Properties to set
             * @returns {sluice.v1.DescribeRequest} DescribeRequest instance
             */
            DescribeRequest.create = function create(properties) {
                return new DescribeRequest(properties);
            };

            /**
             * Encodes the specified DescribeRequest message. Does not implicitly {@link sluice.v1.DescribeRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {sluice.v1.IDescribeRequest} m DescribeRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DescribeRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return w;
            };

            /**
             * Encodes the specified DescribeRequest message, length delimited. Does not implicitly {@link sluice.v1.DescribeRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {sluice.v1.IDescribeRequest} message DescribeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DescribeRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a DescribeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.DescribeRequest} DescribeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DescribeRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.DescribeRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a DescribeRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.DescribeRequest} DescribeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DescribeRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a DescribeRequest message.
             * @function verify
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DescribeRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates a DescribeRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.DescribeRequest} DescribeRequest
             */
            DescribeRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.DescribeRequest)
                    return d;
                return new $root.sluice.v1.DescribeRequest();
            };

            /**
             * Creates a plain object from a DescribeRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {sluice.v1.DescribeRequest} m DescribeRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DescribeRequest.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this DescribeRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.DescribeRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DescribeRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for DescribeRequest
             * @function getTypeUrl
             * @memberof sluice.v1.DescribeRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DescribeRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.DescribeRequest";
            };

            return DescribeRequest;
        })();

        v1.DescribeResponse = (function() {

            /**
             * Properties of a DescribeResponse.
             * @memberof sluice.v1
             * @interface IDescribeResponse
             * @property {Array.<sluice.v1.IEndpointName>|null} [endpoints] DescribeResponse endpoints
             * @property {Array.<sluice.v1.IIdentityName>|null} [identities] DescribeResponse identities
             * @property {Array.<sluice.v1.IRuleName>|null} [rules] DescribeResponse rules
             * @property {Array.<sluice.v1.IFrontendName>|null} [frontends] DescribeResponse frontends
             * @property {Array.<sluice.v1.IServiceProblem>|null} [service_problems] DescribeResponse service_problems
             */

            /**
             * Constructs a new DescribeResponse.
             * @memberof sluice.v1
             * @classdesc Represents a DescribeResponse.
             * @implements IDescribeResponse
             * @constructor
             * @param {sluice.v1.IDescribeResponse=} [p] Properties to set
             */
            function DescribeResponse(p) {
                this.endpoints = [];
                this.identities = [];
                this.rules = [];
                this.frontends = [];
                this.service_problems = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * DescribeResponse endpoints.
             * @member {Array.<sluice.v1.IEndpointName>} endpoints
             * @memberof sluice.v1.DescribeResponse
             * @instance
             */
            DescribeResponse.prototype.endpoints = $util.emptyArray;

            /**
             * DescribeResponse identities.
             * @member {Array.<sluice.v1.IIdentityName>} identities
             * @memberof sluice.v1.DescribeResponse
             * @instance
             */
            DescribeResponse.prototype.identities = $util.emptyArray;

            /**
             * DescribeResponse rules.
             * @member {Array.<sluice.v1.IRuleName>} rules
             * @memberof sluice.v1.DescribeResponse
             * @instance
             */
            DescribeResponse.prototype.rules = $util.emptyArray;

            /**
             * DescribeResponse frontends.
             * @member {Array.<sluice.v1.IFrontendName>} frontends
             * @memberof sluice.v1.DescribeResponse
             * @instance
             */
            DescribeResponse.prototype.frontends = $util.emptyArray;

            /**
             * DescribeResponse service_problems.
             * @member {Array.<sluice.v1.IServiceProblem>} service_problems
             * @memberof sluice.v1.DescribeResponse
             * @instance
             */
            DescribeResponse.prototype.service_problems = $util.emptyArray;

            /**
             * Creates a new DescribeResponse instance using the specified properties.
             * @function create
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {sluice.v1.IDescribeResponse=} [properties] Properties to set
             * @returns {sluice.v1.DescribeResponse} DescribeResponse instance
             */
            DescribeResponse.create = function create(properties) {
                return new DescribeResponse(properties);
            };

            /**
             * Encodes the specified DescribeResponse message. Does not implicitly {@link sluice.v1.DescribeResponse.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {sluice.v1.IDescribeResponse} m DescribeResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DescribeResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.endpoints != null && m.endpoints.length) {
                    for (var i = 0; i < m.endpoints.length; ++i)
                        $root.sluice.v1.EndpointName.encode(m.endpoints[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.identities != null && m.identities.length) {
                    for (var i = 0; i < m.identities.length; ++i)
                        $root.sluice.v1.IdentityName.encode(m.identities[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.rules != null && m.rules.length) {
                    for (var i = 0; i < m.rules.length; ++i)
                        $root.sluice.v1.RuleName.encode(m.rules[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.frontends != null && m.frontends.length) {
                    for (var i = 0; i < m.frontends.length; ++i)
                        $root.sluice.v1.FrontendName.encode(m.frontends[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.service_problems != null && m.service_problems.length) {
                    for (var i = 0; i < m.service_problems.length; ++i)
                        $root.sluice.v1.ServiceProblem.encode(m.service_problems[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Encodes the specified DescribeResponse message, length delimited. Does not implicitly {@link sluice.v1.DescribeResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {sluice.v1.IDescribeResponse} message DescribeResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DescribeResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a DescribeResponse message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.DescribeResponse} DescribeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DescribeResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.DescribeResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.endpoints && m.endpoints.length))
                                m.endpoints = [];
                            m.endpoints.push($root.sluice.v1.EndpointName.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 2: {
                            if (!(m.identities && m.identities.length))
                                m.identities = [];
                            m.identities.push($root.sluice.v1.IdentityName.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 3: {
                            if (!(m.rules && m.rules.length))
                                m.rules = [];
                            m.rules.push($root.sluice.v1.RuleName.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 4: {
                            if (!(m.frontends && m.frontends.length))
                                m.frontends = [];
                            m.frontends.push($root.sluice.v1.FrontendName.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 5: {
                            if (!(m.service_problems && m.service_problems.length))
                                m.service_problems = [];
                            m.service_problems.push($root.sluice.v1.ServiceProblem.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a DescribeResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.DescribeResponse} DescribeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DescribeResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a DescribeResponse message.
             * @function verify
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DescribeResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.endpoints != null && Object.hasOwnProperty.call(m, "endpoints")) {
                    if (!Array.isArray(m.endpoints))
                        return "endpoints: array expected";
                    for (var i = 0; i < m.endpoints.length; ++i) {
                        {
                            var e = $root.sluice.v1.EndpointName.verify(m.endpoints[i], n + 1);
                            if (e)
                                return "endpoints." + e;
                        }
                    }
                }
                if (m.identities != null && Object.hasOwnProperty.call(m, "identities")) {
                    if (!Array.isArray(m.identities))
                        return "identities: array expected";
                    for (var i = 0; i < m.identities.length; ++i) {
                        {
                            var e = $root.sluice.v1.IdentityName.verify(m.identities[i], n + 1);
                            if (e)
                                return "identities." + e;
                        }
                    }
                }
                if (m.rules != null && Object.hasOwnProperty.call(m, "rules")) {
                    if (!Array.isArray(m.rules))
                        return "rules: array expected";
                    for (var i = 0; i < m.rules.length; ++i) {
                        {
                            var e = $root.sluice.v1.RuleName.verify(m.rules[i], n + 1);
                            if (e)
                                return "rules." + e;
                        }
                    }
                }
                if (m.frontends != null && Object.hasOwnProperty.call(m, "frontends")) {
                    if (!Array.isArray(m.frontends))
                        return "frontends: array expected";
                    for (var i = 0; i < m.frontends.length; ++i) {
                        {
                            var e = $root.sluice.v1.FrontendName.verify(m.frontends[i], n + 1);
                            if (e)
                                return "frontends." + e;
                        }
                    }
                }
                if (m.service_problems != null && Object.hasOwnProperty.call(m, "service_problems")) {
                    if (!Array.isArray(m.service_problems))
                        return "service_problems: array expected";
                    for (var i = 0; i < m.service_problems.length; ++i) {
                        {
                            var e = $root.sluice.v1.ServiceProblem.verify(m.service_problems[i], n + 1);
                            if (e)
                                return "service_problems." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a DescribeResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.DescribeResponse} DescribeResponse
             */
            DescribeResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.DescribeResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.DescribeResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.DescribeResponse();
                if (d.endpoints) {
                    if (!Array.isArray(d.endpoints))
                        throw TypeError(".sluice.v1.DescribeResponse.endpoints: array expected");
                    m.endpoints = [];
                    for (var i = 0; i < d.endpoints.length; ++i) {
                        if (!$util.isObject(d.endpoints[i]))
                            throw TypeError(".sluice.v1.DescribeResponse.endpoints: object expected");
                        m.endpoints[i] = $root.sluice.v1.EndpointName.fromObject(d.endpoints[i], n + 1);
                    }
                }
                if (d.identities) {
                    if (!Array.isArray(d.identities))
                        throw TypeError(".sluice.v1.DescribeResponse.identities: array expected");
                    m.identities = [];
                    for (var i = 0; i < d.identities.length; ++i) {
                        if (!$util.isObject(d.identities[i]))
                            throw TypeError(".sluice.v1.DescribeResponse.identities: object expected");
                        m.identities[i] = $root.sluice.v1.IdentityName.fromObject(d.identities[i], n + 1);
                    }
                }
                if (d.rules) {
                    if (!Array.isArray(d.rules))
                        throw TypeError(".sluice.v1.DescribeResponse.rules: array expected");
                    m.rules = [];
                    for (var i = 0; i < d.rules.length; ++i) {
                        if (!$util.isObject(d.rules[i]))
                            throw TypeError(".sluice.v1.DescribeResponse.rules: object expected");
                        m.rules[i] = $root.sluice.v1.RuleName.fromObject(d.rules[i], n + 1);
                    }
                }
                if (d.frontends) {
                    if (!Array.isArray(d.frontends))
                        throw TypeError(".sluice.v1.DescribeResponse.frontends: array expected");
                    m.frontends = [];
                    for (var i = 0; i < d.frontends.length; ++i) {
                        if (!$util.isObject(d.frontends[i]))
                            throw TypeError(".sluice.v1.DescribeResponse.frontends: object expected");
                        m.frontends[i] = $root.sluice.v1.FrontendName.fromObject(d.frontends[i], n + 1);
                    }
                }
                if (d.service_problems) {
                    if (!Array.isArray(d.service_problems))
                        throw TypeError(".sluice.v1.DescribeResponse.service_problems: array expected");
                    m.service_problems = [];
                    for (var i = 0; i < d.service_problems.length; ++i) {
                        if (!$util.isObject(d.service_problems[i]))
                            throw TypeError(".sluice.v1.DescribeResponse.service_problems: object expected");
                        m.service_problems[i] = $root.sluice.v1.ServiceProblem.fromObject(d.service_problems[i], n + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DescribeResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {sluice.v1.DescribeResponse} m DescribeResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DescribeResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.endpoints = [];
                    d.identities = [];
                    d.rules = [];
                    d.frontends = [];
                    d.service_problems = [];
                }
                if (m.endpoints && m.endpoints.length) {
                    d.endpoints = [];
                    for (var j = 0; j < m.endpoints.length; ++j) {
                        d.endpoints[j] = $root.sluice.v1.EndpointName.toObject(m.endpoints[j], o, q + 1);
                    }
                }
                if (m.identities && m.identities.length) {
                    d.identities = [];
                    for (var j = 0; j < m.identities.length; ++j) {
                        d.identities[j] = $root.sluice.v1.IdentityName.toObject(m.identities[j], o, q + 1);
                    }
                }
                if (m.rules && m.rules.length) {
                    d.rules = [];
                    for (var j = 0; j < m.rules.length; ++j) {
                        d.rules[j] = $root.sluice.v1.RuleName.toObject(m.rules[j], o, q + 1);
                    }
                }
                if (m.frontends && m.frontends.length) {
                    d.frontends = [];
                    for (var j = 0; j < m.frontends.length; ++j) {
                        d.frontends[j] = $root.sluice.v1.FrontendName.toObject(m.frontends[j], o, q + 1);
                    }
                }
                if (m.service_problems && m.service_problems.length) {
                    d.service_problems = [];
                    for (var j = 0; j < m.service_problems.length; ++j) {
                        d.service_problems[j] = $root.sluice.v1.ServiceProblem.toObject(m.service_problems[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this DescribeResponse to JSON.
             * @function toJSON
             * @memberof sluice.v1.DescribeResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DescribeResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for DescribeResponse
             * @function getTypeUrl
             * @memberof sluice.v1.DescribeResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DescribeResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.DescribeResponse";
            };

            return DescribeResponse;
        })();

        v1.FrontendName = (function() {

            /**
             * Properties of a FrontendName.
             * @memberof sluice.v1
             * @interface IFrontendName
             * @property {number|null} [id] FrontendName id
             * @property {string|null} [service] FrontendName service
             * @property {string|null} [port_name] FrontendName port_name
             * @property {string|null} [kind] FrontendName kind
             * @property {string|null} [address] FrontendName address
             * @property {number|null} [port] FrontendName port
             * @property {string|null} [protocol] FrontendName protocol
             * @property {boolean|null} [affinity] FrontendName affinity
             * @property {number|null} [affinity_timeout] FrontendName affinity_timeout
             * @property {boolean|null} [local_only] FrontendName local_only
             * @property {Array.<sluice.v1.IBackendName>|null} [backends] FrontendName backends
             * @property {number|null} [service_port] FrontendName service_port
             */

            /**
             * Constructs a new FrontendName.
             * @memberof sluice.v1
             * @classdesc Represents a FrontendName.
             * @implements IFrontendName
             * @constructor
             * @param {sluice.v1.IFrontendName=} [p] Properties to set
             */
            function FrontendName(p) {
                this.backends = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * FrontendName id.
             * @member {number} id
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.id = 0;

            /**
             * FrontendName service.
             * @member {string} service
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.service = "";

            /**
             * FrontendName port_name.
             * @member {string} port_name
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.port_name = "";

            /**
             * FrontendName kind.
             * @member {string} kind
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.kind = "";

            /**
             * FrontendName address.
             * @member {string} address
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.address = "";

            /**
             * FrontendName port.
             * @member {number} port
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.port = 0;

            /**
             * FrontendName protocol.
             * @member {string} protocol
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.protocol = "";

            /**
             * FrontendName affinity.
             * @member {boolean} affinity
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.affinity = false;

            /**
             * FrontendName affinity_timeout.
             * @member {number} affinity_timeout
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.affinity_timeout = 0;

            /**
             * FrontendName local_only.
             * @member {boolean} local_only
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.local_only = false;

            /**
             * FrontendName backends.
             * @member {Array.<sluice.v1.IBackendName>} backends
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.backends = $util.emptyArray;

            /**
             * FrontendName service_port.
             * @member {number} service_port
             * @memberof sluice.v1.FrontendName
             * @instance
             */
            FrontendName.prototype.service_port = 0;

            /**
             * Creates a new FrontendName instance using the specified properties.
             * @function create
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {sluice.v1.IFrontendName=} [properties] Properties to set
             * @returns {sluice.v1.FrontendName} FrontendName instance
             */
            FrontendName.create = function create(properties) {
                return new FrontendName(properties);
            };

            /**
             * Encodes the specified FrontendName message. Does not implicitly {@link sluice.v1.FrontendName.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {sluice.v1.IFrontendName} m FrontendName message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FrontendName.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(8).uint32(m.id);
                if (m.service != null && Object.hasOwnProperty.call(m, "service"))
                    w.uint32(18).string(m.service);
                if (m.port_name != null && Object.hasOwnProperty.call(m, "port_name"))
                    w.uint32(26).string(m.port_name);
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                    w.uint32(34).string(m.kind);
                if (m.address != null && Object.hasOwnProperty.call(m, "address"))
                    w.uint32(42).string(m.address);
                if (m.port != null && Object.hasOwnProperty.call(m, "port"))
                    w.uint32(48).uint32(m.port);
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol"))
                    w.uint32(58).string(m.protocol);
                if (m.affinity != null && Object.hasOwnProperty.call(m, "affinity"))
                    w.uint32(64).bool(m.affinity);
                if (m.affinity_timeout != null && Object.hasOwnProperty.call(m, "affinity_timeout"))
                    w.uint32(72).uint32(m.affinity_timeout);
                if (m.local_only != null && Object.hasOwnProperty.call(m, "local_only"))
                    w.uint32(80).bool(m.local_only);
                if (m.backends != null && m.backends.length) {
                    for (var i = 0; i < m.backends.length; ++i)
                        $root.sluice.v1.BackendName.encode(m.backends[i], w.uint32(90).fork(), q + 1).ldelim();
                }
                if (m.service_port != null && Object.hasOwnProperty.call(m, "service_port"))
                    w.uint32(96).uint32(m.service_port);
                return w;
            };

            /**
             * Encodes the specified FrontendName message, length delimited. Does not implicitly {@link sluice.v1.FrontendName.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {sluice.v1.IFrontendName} message FrontendName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FrontendName.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a FrontendName message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.FrontendName} FrontendName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FrontendName.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.FrontendName();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.uint32();
                            break;
                        }
                    case 2: {
                            m.service = r.string();
                            break;
                        }
                    case 3: {
                            m.port_name = r.string();
                            break;
                        }
                    case 4: {
                            m.kind = r.string();
                            break;
                        }
                    case 5: {
                            m.address = r.string();
                            break;
                        }
                    case 6: {
                            m.port = r.uint32();
                            break;
                        }
                    case 7: {
                            m.protocol = r.string();
                            break;
                        }
                    case 8: {
                            m.affinity = r.bool();
                            break;
                        }
                    case 9: {
                            m.affinity_timeout = r.uint32();
                            break;
                        }
                    case 10: {
                            m.local_only = r.bool();
                            break;
                        }
                    case 11: {
                            if (!(m.backends && m.backends.length))
                                m.backends = [];
                            m.backends.push($root.sluice.v1.BackendName.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 12: {
                            m.service_port = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a FrontendName message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.FrontendName} FrontendName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FrontendName.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a FrontendName message.
             * @function verify
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            FrontendName.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isInteger(m.id))
                        return "id: integer expected";
                }
                if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                    if (!$util.isString(m.service))
                        return "service: string expected";
                }
                if (m.port_name != null && Object.hasOwnProperty.call(m, "port_name")) {
                    if (!$util.isString(m.port_name))
                        return "port_name: string expected";
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.address != null && Object.hasOwnProperty.call(m, "address")) {
                    if (!$util.isString(m.address))
                        return "address: string expected";
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    if (!$util.isInteger(m.port))
                        return "port: integer expected";
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    if (!$util.isString(m.protocol))
                        return "protocol: string expected";
                }
                if (m.affinity != null && Object.hasOwnProperty.call(m, "affinity")) {
                    if (typeof m.affinity !== "boolean")
                        return "affinity: boolean expected";
                }
                if (m.affinity_timeout != null && Object.hasOwnProperty.call(m, "affinity_timeout")) {
                    if (!$util.isInteger(m.affinity_timeout))
                        return "affinity_timeout: integer expected";
                }
                if (m.local_only != null && Object.hasOwnProperty.call(m, "local_only")) {
                    if (typeof m.local_only !== "boolean")
                        return "local_only: boolean expected";
                }
                if (m.backends != null && Object.hasOwnProperty.call(m, "backends")) {
                    if (!Array.isArray(m.backends))
                        return "backends: array expected";
                    for (var i = 0; i < m.backends.length; ++i) {
                        {
                            var e = $root.sluice.v1.BackendName.verify(m.backends[i], n + 1);
                            if (e)
                                return "backends." + e;
                        }
                    }
                }
                if (m.service_port != null && Object.hasOwnProperty.call(m, "service_port")) {
                    if (!$util.isInteger(m.service_port))
                        return "service_port: integer expected";
                }
                return null;
            };

            /**
             * Creates a FrontendName message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.FrontendName} FrontendName
             */
            FrontendName.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.FrontendName)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.FrontendName: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.FrontendName();
                if (d.id != null) {
                    m.id = d.id >>> 0;
                }
                if (d.service != null) {
                    m.service = String(d.service);
                }
                if (d.port_name != null) {
                    m.port_name = String(d.port_name);
                }
                if (d.kind != null) {
                    m.kind = String(d.kind);
                }
                if (d.address != null) {
                    m.address = String(d.address);
                }
                if (d.port != null) {
                    m.port = d.port >>> 0;
                }
                if (d.protocol != null) {
                    m.protocol = String(d.protocol);
                }
                if (d.affinity != null) {
                    m.affinity = Boolean(d.affinity);
                }
                if (d.affinity_timeout != null) {
                    m.affinity_timeout = d.affinity_timeout >>> 0;
                }
                if (d.local_only != null) {
                    m.local_only = Boolean(d.local_only);
                }
                if (d.backends) {
                    if (!Array.isArray(d.backends))
                        throw TypeError(".sluice.v1.FrontendName.backends: array expected");
                    m.backends = [];
                    for (var i = 0; i < d.backends.length; ++i) {
                        if (!$util.isObject(d.backends[i]))
                            throw TypeError(".sluice.v1.FrontendName.backends: object expected");
                        m.backends[i] = $root.sluice.v1.BackendName.fromObject(d.backends[i], n + 1);
                    }
                }
                if (d.service_port != null) {
                    m.service_port = d.service_port >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a FrontendName message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {sluice.v1.FrontendName} m FrontendName
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FrontendName.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.backends = [];
                }
                if (o.defaults) {
                    d.id = 0;
                    d.service = "";
                    d.port_name = "";
                    d.kind = "";
                    d.address = "";
                    d.port = 0;
                    d.protocol = "";
                    d.affinity = false;
                    d.affinity_timeout = 0;
                    d.local_only = false;
                    d.service_port = 0;
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                    d.service = m.service;
                }
                if (m.port_name != null && Object.hasOwnProperty.call(m, "port_name")) {
                    d.port_name = m.port_name;
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.address != null && Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    d.port = m.port;
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    d.protocol = m.protocol;
                }
                if (m.affinity != null && Object.hasOwnProperty.call(m, "affinity")) {
                    d.affinity = m.affinity;
                }
                if (m.affinity_timeout != null && Object.hasOwnProperty.call(m, "affinity_timeout")) {
                    d.affinity_timeout = m.affinity_timeout;
                }
                if (m.local_only != null && Object.hasOwnProperty.call(m, "local_only")) {
                    d.local_only = m.local_only;
                }
                if (m.backends && m.backends.length) {
                    d.backends = [];
                    for (var j = 0; j < m.backends.length; ++j) {
                        d.backends[j] = $root.sluice.v1.BackendName.toObject(m.backends[j], o, q + 1);
                    }
                }
                if (m.service_port != null && Object.hasOwnProperty.call(m, "service_port")) {
                    d.service_port = m.service_port;
                }
                return d;
            };

            /**
             * Converts this FrontendName to JSON.
             * @function toJSON
             * @memberof sluice.v1.FrontendName
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FrontendName.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for FrontendName
             * @function getTypeUrl
             * @memberof sluice.v1.FrontendName
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            FrontendName.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.FrontendName";
            };

            return FrontendName;
        })();

        v1.BackendName = (function() {

            /**
             * Properties of a BackendName.
             * @memberof sluice.v1
             * @interface IBackendName
             * @property {string|null} [address] BackendName address
             * @property {number|null} [port] BackendName port
             * @property {string|null} [state] BackendName state
             * @property {string|null} [pod] BackendName pod
             * @property {string|null} [node] BackendName node
             */

            /**
             * Constructs a new BackendName.
             * @memberof sluice.v1
             * @classdesc Represents a BackendName.
             * @implements IBackendName
             * @constructor
             * @param {sluice.v1.IBackendName=} [p] Properties to set
             */
            function BackendName(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * BackendName address.
             * @member {string} address
             * @memberof sluice.v1.BackendName
             * @instance
             */
            BackendName.prototype.address = "";

            /**
             * BackendName port.
             * @member {number} port
             * @memberof sluice.v1.BackendName
             * @instance
             */
            BackendName.prototype.port = 0;

            /**
             * BackendName state.
             * @member {string} state
             * @memberof sluice.v1.BackendName
             * @instance
             */
            BackendName.prototype.state = "";

            /**
             * BackendName pod.
             * @member {string} pod
             * @memberof sluice.v1.BackendName
             * @instance
             */
            BackendName.prototype.pod = "";

            /**
             * BackendName node.
             * @member {string} node
             * @memberof sluice.v1.BackendName
             * @instance
             */
            BackendName.prototype.node = "";

            /**
             * Creates a new BackendName instance using the specified properties.
             * @function create
             * @memberof sluice.v1.BackendName
             * @static
             * @param {sluice.v1.IBackendName=} [properties] Properties to set
             * @returns {sluice.v1.BackendName} BackendName instance
             */
            BackendName.create = function create(properties) {
                return new BackendName(properties);
            };

            /**
             * Encodes the specified BackendName message. Does not implicitly {@link sluice.v1.BackendName.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.BackendName
             * @static
             * @param {sluice.v1.IBackendName} m BackendName message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendName.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.address != null && Object.hasOwnProperty.call(m, "address"))
                    w.uint32(10).string(m.address);
                if (m.port != null && Object.hasOwnProperty.call(m, "port"))
                    w.uint32(16).uint32(m.port);
                if (m.state != null && Object.hasOwnProperty.call(m, "state"))
                    w.uint32(26).string(m.state);
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod"))
                    w.uint32(34).string(m.pod);
                if (m.node != null && Object.hasOwnProperty.call(m, "node"))
                    w.uint32(42).string(m.node);
                return w;
            };

            /**
             * Encodes the specified BackendName message, length delimited. Does not implicitly {@link sluice.v1.BackendName.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.BackendName
             * @static
             * @param {sluice.v1.IBackendName} message BackendName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendName.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a BackendName message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.BackendName
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.BackendName} BackendName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendName.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.BackendName();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.address = r.string();
                            break;
                        }
                    case 2: {
                            m.port = r.uint32();
                            break;
                        }
                    case 3: {
                            m.state = r.string();
                            break;
                        }
                    case 4: {
                            m.pod = r.string();
                            break;
                        }
                    case 5: {
                            m.node = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a BackendName message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.BackendName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.BackendName} BackendName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendName.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a BackendName message.
             * @function verify
             * @memberof sluice.v1.BackendName
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BackendName.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.address != null && Object.hasOwnProperty.call(m, "address")) {
                    if (!$util.isString(m.address))
                        return "address: string expected";
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    if (!$util.isInteger(m.port))
                        return "port: integer expected";
                }
                if (m.state != null && Object.hasOwnProperty.call(m, "state")) {
                    if (!$util.isString(m.state))
                        return "state: string expected";
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    if (!$util.isString(m.pod))
                        return "pod: string expected";
                }
                if (m.node != null && Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                return null;
            };

            /**
             * Creates a BackendName message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.BackendName
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.BackendName} BackendName
             */
            BackendName.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.BackendName)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.BackendName: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.BackendName();
                if (d.address != null) {
                    m.address = String(d.address);
                }
                if (d.port != null) {
                    m.port = d.port >>> 0;
                }
                if (d.state != null) {
                    m.state = String(d.state);
                }
                if (d.pod != null) {
                    m.pod = String(d.pod);
                }
                if (d.node != null) {
                    m.node = String(d.node);
                }
                return m;
            };

            /**
             * Creates a plain object from a BackendName message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.BackendName
             * @static
             * @param {sluice.v1.BackendName} m BackendName
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BackendName.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.address = "";
                    d.port = 0;
                    d.state = "";
                    d.pod = "";
                    d.node = "";
                }
                if (m.address != null && Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    d.port = m.port;
                }
                if (m.state != null && Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    d.pod = m.pod;
                }
                if (m.node != null && Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                return d;
            };

            /**
             * Converts this BackendName to JSON.
             * @function toJSON
             * @memberof sluice.v1.BackendName
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BackendName.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for BackendName
             * @function getTypeUrl
             * @memberof sluice.v1.BackendName
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendName.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.BackendName";
            };

            return BackendName;
        })();

        v1.ServiceProblem = (function() {

            /**
             * Properties of a ServiceProblem.
             * @memberof sluice.v1
             * @interface IServiceProblem
             * @property {string|null} [object] ServiceProblem object
             * @property {string|null} [field] ServiceProblem field
             * @property {string|null} [message] ServiceProblem message
             * @property {boolean|null} [warning] ServiceProblem warning
             */

            /**
             * Constructs a new ServiceProblem.
             * @memberof sluice.v1
             * @classdesc Represents a ServiceProblem.
             * @implements IServiceProblem
             * @constructor
             * @param {sluice.v1.IServiceProblem=} [p] Properties to set
             */
            function ServiceProblem(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ServiceProblem object.
             * @member {string} object
             * @memberof sluice.v1.ServiceProblem
             * @instance
             */
            ServiceProblem.prototype.object = "";

            /**
             * ServiceProblem field.
             * @member {string} field
             * @memberof sluice.v1.ServiceProblem
             * @instance
             */
            ServiceProblem.prototype.field = "";

            /**
             * ServiceProblem message.
             * @member {string} message
             * @memberof sluice.v1.ServiceProblem
             * @instance
             */
            ServiceProblem.prototype.message = "";

            /**
             * ServiceProblem warning.
             * @member {boolean} warning
             * @memberof sluice.v1.ServiceProblem
             * @instance
             */
            ServiceProblem.prototype.warning = false;

            /**
             * Creates a new ServiceProblem instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {sluice.v1.IServiceProblem=} [properties] Properties to set
             * @returns {sluice.v1.ServiceProblem} ServiceProblem instance
             */
            ServiceProblem.create = function create(properties) {
                return new ServiceProblem(properties);
            };

            /**
             * Encodes the specified ServiceProblem message. Does not implicitly {@link sluice.v1.ServiceProblem.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {sluice.v1.IServiceProblem} m ServiceProblem message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceProblem.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.object != null && Object.hasOwnProperty.call(m, "object"))
                    w.uint32(10).string(m.object);
                if (m.field != null && Object.hasOwnProperty.call(m, "field"))
                    w.uint32(18).string(m.field);
                if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                    w.uint32(26).string(m.message);
                if (m.warning != null && Object.hasOwnProperty.call(m, "warning"))
                    w.uint32(32).bool(m.warning);
                return w;
            };

            /**
             * Encodes the specified ServiceProblem message, length delimited. Does not implicitly {@link sluice.v1.ServiceProblem.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {sluice.v1.IServiceProblem} message ServiceProblem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceProblem.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ServiceProblem message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ServiceProblem} ServiceProblem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceProblem.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ServiceProblem();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.object = r.string();
                            break;
                        }
                    case 2: {
                            m.field = r.string();
                            break;
                        }
                    case 3: {
                            m.message = r.string();
                            break;
                        }
                    case 4: {
                            m.warning = r.bool();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ServiceProblem message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ServiceProblem} ServiceProblem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceProblem.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ServiceProblem message.
             * @function verify
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ServiceProblem.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.object != null && Object.hasOwnProperty.call(m, "object")) {
                    if (!$util.isString(m.object))
                        return "object: string expected";
                }
                if (m.field != null && Object.hasOwnProperty.call(m, "field")) {
                    if (!$util.isString(m.field))
                        return "field: string expected";
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.warning != null && Object.hasOwnProperty.call(m, "warning")) {
                    if (typeof m.warning !== "boolean")
                        return "warning: boolean expected";
                }
                return null;
            };

            /**
             * Creates a ServiceProblem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ServiceProblem} ServiceProblem
             */
            ServiceProblem.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ServiceProblem)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ServiceProblem: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ServiceProblem();
                if (d.object != null) {
                    m.object = String(d.object);
                }
                if (d.field != null) {
                    m.field = String(d.field);
                }
                if (d.message != null) {
                    m.message = String(d.message);
                }
                if (d.warning != null) {
                    m.warning = Boolean(d.warning);
                }
                return m;
            };

            /**
             * Creates a plain object from a ServiceProblem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {sluice.v1.ServiceProblem} m ServiceProblem
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ServiceProblem.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.object = "";
                    d.field = "";
                    d.message = "";
                    d.warning = false;
                }
                if (m.object != null && Object.hasOwnProperty.call(m, "object")) {
                    d.object = m.object;
                }
                if (m.field != null && Object.hasOwnProperty.call(m, "field")) {
                    d.field = m.field;
                }
                if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.warning != null && Object.hasOwnProperty.call(m, "warning")) {
                    d.warning = m.warning;
                }
                return d;
            };

            /**
             * Converts this ServiceProblem to JSON.
             * @function toJSON
             * @memberof sluice.v1.ServiceProblem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ServiceProblem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ServiceProblem
             * @function getTypeUrl
             * @memberof sluice.v1.ServiceProblem
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ServiceProblem.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ServiceProblem";
            };

            return ServiceProblem;
        })();

        v1.EndpointName = (function() {

            /**
             * Properties of an EndpointName.
             * @memberof sluice.v1
             * @interface IEndpointName
             * @property {number|null} [id] EndpointName id
             * @property {string|null} [pod] EndpointName pod
             * @property {string|null} [ip] EndpointName ip
             * @property {string|null} [host_ifname] EndpointName host_ifname
             * @property {number|null} [identity] EndpointName identity
             * @property {string|null} [container_id] EndpointName container_id
             * @property {string|null} [ipv6] EndpointName ipv6
             */

            /**
             * Constructs a new EndpointName.
             * @memberof sluice.v1
             * @classdesc Represents an EndpointName.
             * @implements IEndpointName
             * @constructor
             * @param {sluice.v1.IEndpointName=} [p] Properties to set
             */
            function EndpointName(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * EndpointName id.
             * @member {number} id
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.id = 0;

            /**
             * EndpointName pod.
             * @member {string} pod
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.pod = "";

            /**
             * EndpointName ip.
             * @member {string} ip
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.ip = "";

            /**
             * EndpointName host_ifname.
             * @member {string} host_ifname
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.host_ifname = "";

            /**
             * EndpointName identity.
             * @member {number} identity
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.identity = 0;

            /**
             * EndpointName container_id.
             * @member {string} container_id
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.container_id = "";

            /**
             * EndpointName ipv6.
             * @member {string} ipv6
             * @memberof sluice.v1.EndpointName
             * @instance
             */
            EndpointName.prototype.ipv6 = "";

            /**
             * Creates a new EndpointName instance using the specified properties.
             * @function create
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {sluice.v1.IEndpointName=} [properties] Properties to set
             * @returns {sluice.v1.EndpointName} EndpointName instance
             */
            EndpointName.create = function create(properties) {
                return new EndpointName(properties);
            };

            /**
             * Encodes the specified EndpointName message. Does not implicitly {@link sluice.v1.EndpointName.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {sluice.v1.IEndpointName} m EndpointName message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EndpointName.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(8).uint32(m.id);
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod"))
                    w.uint32(18).string(m.pod);
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip"))
                    w.uint32(26).string(m.ip);
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname"))
                    w.uint32(34).string(m.host_ifname);
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity"))
                    w.uint32(40).uint32(m.identity);
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id"))
                    w.uint32(50).string(m.container_id);
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6"))
                    w.uint32(58).string(m.ipv6);
                return w;
            };

            /**
             * Encodes the specified EndpointName message, length delimited. Does not implicitly {@link sluice.v1.EndpointName.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {sluice.v1.IEndpointName} message EndpointName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EndpointName.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an EndpointName message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.EndpointName} EndpointName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EndpointName.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.EndpointName();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.uint32();
                            break;
                        }
                    case 2: {
                            m.pod = r.string();
                            break;
                        }
                    case 3: {
                            m.ip = r.string();
                            break;
                        }
                    case 4: {
                            m.host_ifname = r.string();
                            break;
                        }
                    case 5: {
                            m.identity = r.uint32();
                            break;
                        }
                    case 6: {
                            m.container_id = r.string();
                            break;
                        }
                    case 7: {
                            m.ipv6 = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an EndpointName message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.EndpointName} EndpointName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EndpointName.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an EndpointName message.
             * @function verify
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EndpointName.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isInteger(m.id))
                        return "id: integer expected";
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    if (!$util.isString(m.pod))
                        return "pod: string expected";
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    if (!$util.isString(m.ip))
                        return "ip: string expected";
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    if (!$util.isString(m.host_ifname))
                        return "host_ifname: string expected";
                }
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity")) {
                    if (!$util.isInteger(m.identity))
                        return "identity: integer expected";
                }
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id")) {
                    if (!$util.isString(m.container_id))
                        return "container_id: string expected";
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    if (!$util.isString(m.ipv6))
                        return "ipv6: string expected";
                }
                return null;
            };

            /**
             * Creates an EndpointName message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.EndpointName} EndpointName
             */
            EndpointName.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.EndpointName)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.EndpointName: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.EndpointName();
                if (d.id != null) {
                    m.id = d.id >>> 0;
                }
                if (d.pod != null) {
                    m.pod = String(d.pod);
                }
                if (d.ip != null) {
                    m.ip = String(d.ip);
                }
                if (d.host_ifname != null) {
                    m.host_ifname = String(d.host_ifname);
                }
                if (d.identity != null) {
                    m.identity = d.identity >>> 0;
                }
                if (d.container_id != null) {
                    m.container_id = String(d.container_id);
                }
                if (d.ipv6 != null) {
                    m.ipv6 = String(d.ipv6);
                }
                return m;
            };

            /**
             * Creates a plain object from an EndpointName message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {sluice.v1.EndpointName} m EndpointName
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EndpointName.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = 0;
                    d.pod = "";
                    d.ip = "";
                    d.host_ifname = "";
                    d.identity = 0;
                    d.container_id = "";
                    d.ipv6 = "";
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    d.pod = m.pod;
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    d.ip = m.ip;
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    d.host_ifname = m.host_ifname;
                }
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity")) {
                    d.identity = m.identity;
                }
                if (m.container_id != null && Object.hasOwnProperty.call(m, "container_id")) {
                    d.container_id = m.container_id;
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    d.ipv6 = m.ipv6;
                }
                return d;
            };

            /**
             * Converts this EndpointName to JSON.
             * @function toJSON
             * @memberof sluice.v1.EndpointName
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EndpointName.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for EndpointName
             * @function getTypeUrl
             * @memberof sluice.v1.EndpointName
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EndpointName.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.EndpointName";
            };

            return EndpointName;
        })();

        v1.IdentityName = (function() {

            /**
             * Properties of an IdentityName.
             * @memberof sluice.v1
             * @interface IIdentityName
             * @property {number|null} [id] IdentityName id
             * @property {string|null} [kind] IdentityName kind
             * @property {string|null} [namespace] IdentityName namespace
             * @property {Object.<string,string>|null} [namespace_labels] IdentityName namespace_labels
             * @property {Object.<string,string>|null} [pod_labels] IdentityName pod_labels
             * @property {Array.<string>|null} [pods] IdentityName pods
             */

            /**
             * Constructs a new IdentityName.
             * @memberof sluice.v1
             * @classdesc Represents an IdentityName.
             * @implements IIdentityName
             * @constructor
             * @param {sluice.v1.IIdentityName=} [p] Properties to set
             */
            function IdentityName(p) {
                this.namespace_labels = {};
                this.pod_labels = {};
                this.pods = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * IdentityName id.
             * @member {number} id
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.id = 0;

            /**
             * IdentityName kind.
             * @member {string} kind
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.kind = "";

            /**
             * IdentityName namespace.
             * @member {string} namespace
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.namespace = "";

            /**
             * IdentityName namespace_labels.
             * @member {Object.<string,string>} namespace_labels
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.namespace_labels = $util.emptyObject;

            /**
             * IdentityName pod_labels.
             * @member {Object.<string,string>} pod_labels
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.pod_labels = $util.emptyObject;

            /**
             * IdentityName pods.
             * @member {Array.<string>} pods
             * @memberof sluice.v1.IdentityName
             * @instance
             */
            IdentityName.prototype.pods = $util.emptyArray;

            /**
             * Creates a new IdentityName instance using the specified properties.
             * @function create
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {sluice.v1.IIdentityName=} [properties] Properties to set
             * @returns {sluice.v1.IdentityName} IdentityName instance
             */
            IdentityName.create = function create(properties) {
                return new IdentityName(properties);
            };

            /**
             * Encodes the specified IdentityName message. Does not implicitly {@link sluice.v1.IdentityName.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {sluice.v1.IIdentityName} m IdentityName message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentityName.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(8).uint32(m.id);
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                    w.uint32(18).string(m.kind);
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace"))
                    w.uint32(26).string(m.namespace);
                if (m.namespace_labels != null && Object.hasOwnProperty.call(m, "namespace_labels")) {
                    for (var ks = Object.keys(m.namespace_labels), i = 0; i < ks.length; ++i) {
                        w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.namespace_labels[ks[i]]).ldelim();
                    }
                }
                if (m.pod_labels != null && Object.hasOwnProperty.call(m, "pod_labels")) {
                    for (var ks = Object.keys(m.pod_labels), i = 0; i < ks.length; ++i) {
                        w.uint32(42).fork().uint32(10).string(ks[i]).uint32(18).string(m.pod_labels[ks[i]]).ldelim();
                    }
                }
                if (m.pods != null && m.pods.length) {
                    for (var i = 0; i < m.pods.length; ++i)
                        w.uint32(50).string(m.pods[i]);
                }
                return w;
            };

            /**
             * Encodes the specified IdentityName message, length delimited. Does not implicitly {@link sluice.v1.IdentityName.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {sluice.v1.IIdentityName} message IdentityName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentityName.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an IdentityName message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.IdentityName} IdentityName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentityName.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m, k, value;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.IdentityName();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.uint32();
                            break;
                        }
                    case 2: {
                            m.kind = r.string();
                            break;
                        }
                    case 3: {
                            m.namespace = r.string();
                            break;
                        }
                    case 4: {
                            if (m.namespace_labels === $util.emptyObject)
                                m.namespace_labels = {};
                            var c2 = r.uint32() + r.pos;
                            if (c2 > r.len)
                                throw RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            value = "";
                            while (r.pos < c2) {
                                var tag2 = r.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    k = r.string();
                                    break;
                                case 2:
                                    value = r.string();
                                    break;
                                default:
                                    r.skipType(tag2 & 7, n);
                                    break;
                                }
                            }
                            if (r.pos !== c2)
                                throw RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.namespace_labels, k);
                            m.namespace_labels[k] = value;
                            break;
                        }
                    case 5: {
                            if (m.pod_labels === $util.emptyObject)
                                m.pod_labels = {};
                            var c2 = r.uint32() + r.pos;
                            if (c2 > r.len)
                                throw RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            value = "";
                            while (r.pos < c2) {
                                var tag2 = r.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    k = r.string();
                                    break;
                                case 2:
                                    value = r.string();
                                    break;
                                default:
                                    r.skipType(tag2 & 7, n);
                                    break;
                                }
                            }
                            if (r.pos !== c2)
                                throw RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.pod_labels, k);
                            m.pod_labels[k] = value;
                            break;
                        }
                    case 6: {
                            if (!(m.pods && m.pods.length))
                                m.pods = [];
                            m.pods.push(r.string());
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an IdentityName message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.IdentityName} IdentityName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentityName.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an IdentityName message.
             * @function verify
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            IdentityName.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isInteger(m.id))
                        return "id: integer expected";
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace")) {
                    if (!$util.isString(m.namespace))
                        return "namespace: string expected";
                }
                if (m.namespace_labels != null && Object.hasOwnProperty.call(m, "namespace_labels")) {
                    if (!$util.isObject(m.namespace_labels))
                        return "namespace_labels: object expected";
                    var k = Object.keys(m.namespace_labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.namespace_labels[k[i]]))
                            return "namespace_labels: string{k:string} expected";
                    }
                }
                if (m.pod_labels != null && Object.hasOwnProperty.call(m, "pod_labels")) {
                    if (!$util.isObject(m.pod_labels))
                        return "pod_labels: object expected";
                    var k = Object.keys(m.pod_labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.pod_labels[k[i]]))
                            return "pod_labels: string{k:string} expected";
                    }
                }
                if (m.pods != null && Object.hasOwnProperty.call(m, "pods")) {
                    if (!Array.isArray(m.pods))
                        return "pods: array expected";
                    for (var i = 0; i < m.pods.length; ++i) {
                        if (!$util.isString(m.pods[i]))
                            return "pods: string[] expected";
                    }
                }
                return null;
            };

            /**
             * Creates an IdentityName message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.IdentityName} IdentityName
             */
            IdentityName.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.IdentityName)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.IdentityName: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.IdentityName();
                if (d.id != null) {
                    m.id = d.id >>> 0;
                }
                if (d.kind != null) {
                    m.kind = String(d.kind);
                }
                if (d.namespace != null) {
                    m.namespace = String(d.namespace);
                }
                if (d.namespace_labels) {
                    if (!$util.isObject(d.namespace_labels))
                        throw TypeError(".sluice.v1.IdentityName.namespace_labels: object expected");
                    m.namespace_labels = {};
                    for (var ks = Object.keys(d.namespace_labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.namespace_labels, ks[i]);
                        m.namespace_labels[ks[i]] = String(d.namespace_labels[ks[i]]);
                    }
                }
                if (d.pod_labels) {
                    if (!$util.isObject(d.pod_labels))
                        throw TypeError(".sluice.v1.IdentityName.pod_labels: object expected");
                    m.pod_labels = {};
                    for (var ks = Object.keys(d.pod_labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.pod_labels, ks[i]);
                        m.pod_labels[ks[i]] = String(d.pod_labels[ks[i]]);
                    }
                }
                if (d.pods) {
                    if (!Array.isArray(d.pods))
                        throw TypeError(".sluice.v1.IdentityName.pods: array expected");
                    m.pods = [];
                    for (var i = 0; i < d.pods.length; ++i) {
                        m.pods[i] = String(d.pods[i]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an IdentityName message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {sluice.v1.IdentityName} m IdentityName
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IdentityName.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.pods = [];
                }
                if (o.objects || o.defaults) {
                    d.namespace_labels = {};
                    d.pod_labels = {};
                }
                if (o.defaults) {
                    d.id = 0;
                    d.kind = "";
                    d.namespace = "";
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace")) {
                    d.namespace = m.namespace;
                }
                var ks2;
                if (m.namespace_labels && (ks2 = Object.keys(m.namespace_labels)).length) {
                    d.namespace_labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.namespace_labels, ks2[j]);
                        d.namespace_labels[ks2[j]] = m.namespace_labels[ks2[j]];
                    }
                }
                if (m.pod_labels && (ks2 = Object.keys(m.pod_labels)).length) {
                    d.pod_labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.pod_labels, ks2[j]);
                        d.pod_labels[ks2[j]] = m.pod_labels[ks2[j]];
                    }
                }
                if (m.pods && m.pods.length) {
                    d.pods = [];
                    for (var j = 0; j < m.pods.length; ++j) {
                        d.pods[j] = m.pods[j];
                    }
                }
                return d;
            };

            /**
             * Converts this IdentityName to JSON.
             * @function toJSON
             * @memberof sluice.v1.IdentityName
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IdentityName.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for IdentityName
             * @function getTypeUrl
             * @memberof sluice.v1.IdentityName
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            IdentityName.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.IdentityName";
            };

            return IdentityName;
        })();

        v1.RuleName = (function() {

            /**
             * Properties of a RuleName.
             * @memberof sluice.v1
             * @interface IRuleName
             * @property {number|null} [rule_id] RuleName rule_id
             * @property {string|null} [policy] RuleName policy
             * @property {string|null} [direction] RuleName direction
             * @property {number|null} [index] RuleName index
             */

            /**
             * Constructs a new RuleName.
             * @memberof sluice.v1
             * @classdesc Represents a RuleName.
             * @implements IRuleName
             * @constructor
             * @param {sluice.v1.IRuleName=} [p] Properties to set
             */
            function RuleName(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RuleName rule_id.
             * @member {number} rule_id
             * @memberof sluice.v1.RuleName
             * @instance
             */
            RuleName.prototype.rule_id = 0;

            /**
             * RuleName policy.
             * @member {string} policy
             * @memberof sluice.v1.RuleName
             * @instance
             */
            RuleName.prototype.policy = "";

            /**
             * RuleName direction.
             * @member {string} direction
             * @memberof sluice.v1.RuleName
             * @instance
             */
            RuleName.prototype.direction = "";

            /**
             * RuleName index.
             * @member {number} index
             * @memberof sluice.v1.RuleName
             * @instance
             */
            RuleName.prototype.index = 0;

            /**
             * Creates a new RuleName instance using the specified properties.
             * @function create
             * @memberof sluice.v1.RuleName
             * @static
             * @param {sluice.v1.IRuleName=} [properties] Properties to set
             * @returns {sluice.v1.RuleName} RuleName instance
             */
            RuleName.create = function create(properties) {
                return new RuleName(properties);
            };

            /**
             * Encodes the specified RuleName message. Does not implicitly {@link sluice.v1.RuleName.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.RuleName
             * @static
             * @param {sluice.v1.IRuleName} m RuleName message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RuleName.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.rule_id != null && Object.hasOwnProperty.call(m, "rule_id"))
                    w.uint32(8).uint32(m.rule_id);
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy"))
                    w.uint32(18).string(m.policy);
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction"))
                    w.uint32(26).string(m.direction);
                if (m.index != null && Object.hasOwnProperty.call(m, "index"))
                    w.uint32(32).uint32(m.index);
                return w;
            };

            /**
             * Encodes the specified RuleName message, length delimited. Does not implicitly {@link sluice.v1.RuleName.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.RuleName
             * @static
             * @param {sluice.v1.IRuleName} message RuleName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RuleName.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a RuleName message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.RuleName
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.RuleName} RuleName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RuleName.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.RuleName();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.rule_id = r.uint32();
                            break;
                        }
                    case 2: {
                            m.policy = r.string();
                            break;
                        }
                    case 3: {
                            m.direction = r.string();
                            break;
                        }
                    case 4: {
                            m.index = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a RuleName message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.RuleName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.RuleName} RuleName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RuleName.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a RuleName message.
             * @function verify
             * @memberof sluice.v1.RuleName
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RuleName.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.rule_id != null && Object.hasOwnProperty.call(m, "rule_id")) {
                    if (!$util.isInteger(m.rule_id))
                        return "rule_id: integer expected";
                }
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                    if (!$util.isString(m.policy))
                        return "policy: string expected";
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    if (!$util.isString(m.direction))
                        return "direction: string expected";
                }
                if (m.index != null && Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index))
                        return "index: integer expected";
                }
                return null;
            };

            /**
             * Creates a RuleName message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.RuleName
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.RuleName} RuleName
             */
            RuleName.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.RuleName)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.RuleName: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.RuleName();
                if (d.rule_id != null) {
                    m.rule_id = d.rule_id >>> 0;
                }
                if (d.policy != null) {
                    m.policy = String(d.policy);
                }
                if (d.direction != null) {
                    m.direction = String(d.direction);
                }
                if (d.index != null) {
                    m.index = d.index >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a RuleName message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.RuleName
             * @static
             * @param {sluice.v1.RuleName} m RuleName
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RuleName.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.rule_id = 0;
                    d.policy = "";
                    d.direction = "";
                    d.index = 0;
                }
                if (m.rule_id != null && Object.hasOwnProperty.call(m, "rule_id")) {
                    d.rule_id = m.rule_id;
                }
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                    d.policy = m.policy;
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    d.direction = m.direction;
                }
                if (m.index != null && Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                return d;
            };

            /**
             * Converts this RuleName to JSON.
             * @function toJSON
             * @memberof sluice.v1.RuleName
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RuleName.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for RuleName
             * @function getTypeUrl
             * @memberof sluice.v1.RuleName
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RuleName.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.RuleName";
            };

            return RuleName;
        })();

        v1.ExplainRequest = (function() {

            /**
             * Properties of an ExplainRequest.
             * @memberof sluice.v1
             * @interface IExplainRequest
             * @property {string|null} [from] ExplainRequest from
             * @property {string|null} [to] ExplainRequest to
             * @property {number|null} [port] ExplainRequest port
             * @property {string|null} [protocol] ExplainRequest protocol
             */

            /**
             * Constructs a new ExplainRequest.
             * @memberof sluice.v1
             * @classdesc Represents an ExplainRequest.
             * @implements IExplainRequest
             * @constructor
             * @param {sluice.v1.IExplainRequest=} [p] Properties to set
             */
            function ExplainRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ExplainRequest from.
             * @member {string} from
             * @memberof sluice.v1.ExplainRequest
             * @instance
             */
            ExplainRequest.prototype.from = "";

            /**
             * ExplainRequest to.
             * @member {string} to
             * @memberof sluice.v1.ExplainRequest
             * @instance
             */
            ExplainRequest.prototype.to = "";

            /**
             * ExplainRequest port.
             * @member {number} port
             * @memberof sluice.v1.ExplainRequest
             * @instance
             */
            ExplainRequest.prototype.port = 0;

            /**
             * ExplainRequest protocol.
             * @member {string} protocol
             * @memberof sluice.v1.ExplainRequest
             * @instance
             */
            ExplainRequest.prototype.protocol = "";

            /**
             * Creates a new ExplainRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {sluice.v1.IExplainRequest=} [properties] Properties to set
             * @returns {sluice.v1.ExplainRequest} ExplainRequest instance
             */
            ExplainRequest.create = function create(properties) {
                return new ExplainRequest(properties);
            };

            /**
             * Encodes the specified ExplainRequest message. Does not implicitly {@link sluice.v1.ExplainRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {sluice.v1.IExplainRequest} m ExplainRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.from != null && Object.hasOwnProperty.call(m, "from"))
                    w.uint32(10).string(m.from);
                if (m.to != null && Object.hasOwnProperty.call(m, "to"))
                    w.uint32(18).string(m.to);
                if (m.port != null && Object.hasOwnProperty.call(m, "port"))
                    w.uint32(24).uint32(m.port);
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol"))
                    w.uint32(34).string(m.protocol);
                return w;
            };

            /**
             * Encodes the specified ExplainRequest message, length delimited. Does not implicitly {@link sluice.v1.ExplainRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {sluice.v1.IExplainRequest} message ExplainRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExplainRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ExplainRequest} ExplainRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ExplainRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.from = r.string();
                            break;
                        }
                    case 2: {
                            m.to = r.string();
                            break;
                        }
                    case 3: {
                            m.port = r.uint32();
                            break;
                        }
                    case 4: {
                            m.protocol = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an ExplainRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ExplainRequest} ExplainRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ExplainRequest message.
             * @function verify
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExplainRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.from != null && Object.hasOwnProperty.call(m, "from")) {
                    if (!$util.isString(m.from))
                        return "from: string expected";
                }
                if (m.to != null && Object.hasOwnProperty.call(m, "to")) {
                    if (!$util.isString(m.to))
                        return "to: string expected";
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    if (!$util.isInteger(m.port))
                        return "port: integer expected";
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    if (!$util.isString(m.protocol))
                        return "protocol: string expected";
                }
                return null;
            };

            /**
             * Creates an ExplainRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ExplainRequest} ExplainRequest
             */
            ExplainRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ExplainRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ExplainRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ExplainRequest();
                if (d.from != null) {
                    m.from = String(d.from);
                }
                if (d.to != null) {
                    m.to = String(d.to);
                }
                if (d.port != null) {
                    m.port = d.port >>> 0;
                }
                if (d.protocol != null) {
                    m.protocol = String(d.protocol);
                }
                return m;
            };

            /**
             * Creates a plain object from an ExplainRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {sluice.v1.ExplainRequest} m ExplainRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExplainRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.from = "";
                    d.to = "";
                    d.port = 0;
                    d.protocol = "";
                }
                if (m.from != null && Object.hasOwnProperty.call(m, "from")) {
                    d.from = m.from;
                }
                if (m.to != null && Object.hasOwnProperty.call(m, "to")) {
                    d.to = m.to;
                }
                if (m.port != null && Object.hasOwnProperty.call(m, "port")) {
                    d.port = m.port;
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    d.protocol = m.protocol;
                }
                return d;
            };

            /**
             * Converts this ExplainRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.ExplainRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExplainRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExplainRequest
             * @function getTypeUrl
             * @memberof sluice.v1.ExplainRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExplainRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ExplainRequest";
            };

            return ExplainRequest;
        })();

        v1.ExplainSide = (function() {

            /**
             * Properties of an ExplainSide.
             * @memberof sluice.v1
             * @interface IExplainSide
             * @property {string|null} [pod] ExplainSide pod
             * @property {string|null} [direction] ExplainSide direction
             * @property {boolean|null} [local] ExplainSide local
             * @property {Array.<string>|null} [selected_by] ExplainSide selected_by
             * @property {boolean|null} [allowed] ExplainSide allowed
             * @property {string|null} [rule] ExplainSide rule
             * @property {string|null} [via] ExplainSide via
             */

            /**
             * Constructs a new ExplainSide.
             * @memberof sluice.v1
             * @classdesc Represents an ExplainSide.
             * @implements IExplainSide
             * @constructor
             * @param {sluice.v1.IExplainSide=} [p] Properties to set
             */
            function ExplainSide(p) {
                this.selected_by = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ExplainSide pod.
             * @member {string} pod
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.pod = "";

            /**
             * ExplainSide direction.
             * @member {string} direction
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.direction = "";

            /**
             * ExplainSide local.
             * @member {boolean} local
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.local = false;

            /**
             * ExplainSide selected_by.
             * @member {Array.<string>} selected_by
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.selected_by = $util.emptyArray;

            /**
             * ExplainSide allowed.
             * @member {boolean} allowed
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.allowed = false;

            /**
             * ExplainSide rule.
             * @member {string} rule
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.rule = "";

            /**
             * ExplainSide via.
             * @member {string} via
             * @memberof sluice.v1.ExplainSide
             * @instance
             */
            ExplainSide.prototype.via = "";

            /**
             * Creates a new ExplainSide instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {sluice.v1.IExplainSide=} [properties] Properties to set
             * @returns {sluice.v1.ExplainSide} ExplainSide instance
             */
            ExplainSide.create = function create(properties) {
                return new ExplainSide(properties);
            };

            /**
             * Encodes the specified ExplainSide message. Does not implicitly {@link sluice.v1.ExplainSide.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {sluice.v1.IExplainSide} m ExplainSide message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainSide.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod"))
                    w.uint32(10).string(m.pod);
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction"))
                    w.uint32(18).string(m.direction);
                if (m.local != null && Object.hasOwnProperty.call(m, "local"))
                    w.uint32(24).bool(m.local);
                if (m.selected_by != null && m.selected_by.length) {
                    for (var i = 0; i < m.selected_by.length; ++i)
                        w.uint32(34).string(m.selected_by[i]);
                }
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed"))
                    w.uint32(40).bool(m.allowed);
                if (m.rule != null && Object.hasOwnProperty.call(m, "rule"))
                    w.uint32(50).string(m.rule);
                if (m.via != null && Object.hasOwnProperty.call(m, "via"))
                    w.uint32(58).string(m.via);
                return w;
            };

            /**
             * Encodes the specified ExplainSide message, length delimited. Does not implicitly {@link sluice.v1.ExplainSide.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {sluice.v1.IExplainSide} message ExplainSide message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainSide.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExplainSide message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ExplainSide} ExplainSide
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainSide.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ExplainSide();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.pod = r.string();
                            break;
                        }
                    case 2: {
                            m.direction = r.string();
                            break;
                        }
                    case 3: {
                            m.local = r.bool();
                            break;
                        }
                    case 4: {
                            if (!(m.selected_by && m.selected_by.length))
                                m.selected_by = [];
                            m.selected_by.push(r.string());
                            break;
                        }
                    case 5: {
                            m.allowed = r.bool();
                            break;
                        }
                    case 6: {
                            m.rule = r.string();
                            break;
                        }
                    case 7: {
                            m.via = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an ExplainSide message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ExplainSide} ExplainSide
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainSide.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ExplainSide message.
             * @function verify
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExplainSide.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    if (!$util.isString(m.pod))
                        return "pod: string expected";
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    if (!$util.isString(m.direction))
                        return "direction: string expected";
                }
                if (m.local != null && Object.hasOwnProperty.call(m, "local")) {
                    if (typeof m.local !== "boolean")
                        return "local: boolean expected";
                }
                if (m.selected_by != null && Object.hasOwnProperty.call(m, "selected_by")) {
                    if (!Array.isArray(m.selected_by))
                        return "selected_by: array expected";
                    for (var i = 0; i < m.selected_by.length; ++i) {
                        if (!$util.isString(m.selected_by[i]))
                            return "selected_by: string[] expected";
                    }
                }
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                    if (typeof m.allowed !== "boolean")
                        return "allowed: boolean expected";
                }
                if (m.rule != null && Object.hasOwnProperty.call(m, "rule")) {
                    if (!$util.isString(m.rule))
                        return "rule: string expected";
                }
                if (m.via != null && Object.hasOwnProperty.call(m, "via")) {
                    if (!$util.isString(m.via))
                        return "via: string expected";
                }
                return null;
            };

            /**
             * Creates an ExplainSide message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ExplainSide} ExplainSide
             */
            ExplainSide.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ExplainSide)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ExplainSide: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ExplainSide();
                if (d.pod != null) {
                    m.pod = String(d.pod);
                }
                if (d.direction != null) {
                    m.direction = String(d.direction);
                }
                if (d.local != null) {
                    m.local = Boolean(d.local);
                }
                if (d.selected_by) {
                    if (!Array.isArray(d.selected_by))
                        throw TypeError(".sluice.v1.ExplainSide.selected_by: array expected");
                    m.selected_by = [];
                    for (var i = 0; i < d.selected_by.length; ++i) {
                        m.selected_by[i] = String(d.selected_by[i]);
                    }
                }
                if (d.allowed != null) {
                    m.allowed = Boolean(d.allowed);
                }
                if (d.rule != null) {
                    m.rule = String(d.rule);
                }
                if (d.via != null) {
                    m.via = String(d.via);
                }
                return m;
            };

            /**
             * Creates a plain object from an ExplainSide message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {sluice.v1.ExplainSide} m ExplainSide
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExplainSide.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.selected_by = [];
                }
                if (o.defaults) {
                    d.pod = "";
                    d.direction = "";
                    d.local = false;
                    d.allowed = false;
                    d.rule = "";
                    d.via = "";
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    d.pod = m.pod;
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    d.direction = m.direction;
                }
                if (m.local != null && Object.hasOwnProperty.call(m, "local")) {
                    d.local = m.local;
                }
                if (m.selected_by && m.selected_by.length) {
                    d.selected_by = [];
                    for (var j = 0; j < m.selected_by.length; ++j) {
                        d.selected_by[j] = m.selected_by[j];
                    }
                }
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                    d.allowed = m.allowed;
                }
                if (m.rule != null && Object.hasOwnProperty.call(m, "rule")) {
                    d.rule = m.rule;
                }
                if (m.via != null && Object.hasOwnProperty.call(m, "via")) {
                    d.via = m.via;
                }
                return d;
            };

            /**
             * Converts this ExplainSide to JSON.
             * @function toJSON
             * @memberof sluice.v1.ExplainSide
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExplainSide.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExplainSide
             * @function getTypeUrl
             * @memberof sluice.v1.ExplainSide
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExplainSide.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ExplainSide";
            };

            return ExplainSide;
        })();

        v1.ExplainResponse = (function() {

            /**
             * Properties of an ExplainResponse.
             * @memberof sluice.v1
             * @interface IExplainResponse
             * @property {sluice.v1.IExplainSide|null} [source] ExplainResponse source
             * @property {sluice.v1.IExplainSide|null} [destination] ExplainResponse destination
             * @property {boolean|null} [allowed] ExplainResponse allowed
             */

            /**
             * Constructs a new ExplainResponse.
             * @memberof sluice.v1
             * @classdesc Represents an ExplainResponse.
             * @implements IExplainResponse
             * @constructor
             * @param {sluice.v1.IExplainResponse=} [p] Properties to set
             */
            function ExplainResponse(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ExplainResponse source.
             * @member {sluice.v1.IExplainSide|null|undefined} source
             * @memberof sluice.v1.ExplainResponse
             * @instance
             */
            ExplainResponse.prototype.source = null;

            /**
             * ExplainResponse destination.
             * @member {sluice.v1.IExplainSide|null|undefined} destination
             * @memberof sluice.v1.ExplainResponse
             * @instance
             */
            ExplainResponse.prototype.destination = null;

            /**
             * ExplainResponse allowed.
             * @member {boolean} allowed
             * @memberof sluice.v1.ExplainResponse
             * @instance
             */
            ExplainResponse.prototype.allowed = false;

            /**
             * Creates a new ExplainResponse instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {sluice.v1.IExplainResponse=} [properties] Properties to set
             * @returns {sluice.v1.ExplainResponse} ExplainResponse instance
             */
            ExplainResponse.create = function create(properties) {
                return new ExplainResponse(properties);
            };

            /**
             * Encodes the specified ExplainResponse message. Does not implicitly {@link sluice.v1.ExplainResponse.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {sluice.v1.IExplainResponse} m ExplainResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.source != null && Object.hasOwnProperty.call(m, "source"))
                    $root.sluice.v1.ExplainSide.encode(m.source, w.uint32(10).fork(), q + 1).ldelim();
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination"))
                    $root.sluice.v1.ExplainSide.encode(m.destination, w.uint32(18).fork(), q + 1).ldelim();
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed"))
                    w.uint32(24).bool(m.allowed);
                return w;
            };

            /**
             * Encodes the specified ExplainResponse message, length delimited. Does not implicitly {@link sluice.v1.ExplainResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {sluice.v1.IExplainResponse} message ExplainResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExplainResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExplainResponse message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ExplainResponse} ExplainResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ExplainResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.source = $root.sluice.v1.ExplainSide.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 2: {
                            m.destination = $root.sluice.v1.ExplainSide.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 3: {
                            m.allowed = r.bool();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an ExplainResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ExplainResponse} ExplainResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExplainResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ExplainResponse message.
             * @function verify
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExplainResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.source != null && Object.hasOwnProperty.call(m, "source")) {
                    {
                        var e = $root.sluice.v1.ExplainSide.verify(m.source, n + 1);
                        if (e)
                            return "source." + e;
                    }
                }
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination")) {
                    {
                        var e = $root.sluice.v1.ExplainSide.verify(m.destination, n + 1);
                        if (e)
                            return "destination." + e;
                    }
                }
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                    if (typeof m.allowed !== "boolean")
                        return "allowed: boolean expected";
                }
                return null;
            };

            /**
             * Creates an ExplainResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ExplainResponse} ExplainResponse
             */
            ExplainResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ExplainResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ExplainResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ExplainResponse();
                if (d.source != null) {
                    if (!$util.isObject(d.source))
                        throw TypeError(".sluice.v1.ExplainResponse.source: object expected");
                    m.source = $root.sluice.v1.ExplainSide.fromObject(d.source, n + 1);
                }
                if (d.destination != null) {
                    if (!$util.isObject(d.destination))
                        throw TypeError(".sluice.v1.ExplainResponse.destination: object expected");
                    m.destination = $root.sluice.v1.ExplainSide.fromObject(d.destination, n + 1);
                }
                if (d.allowed != null) {
                    m.allowed = Boolean(d.allowed);
                }
                return m;
            };

            /**
             * Creates a plain object from an ExplainResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {sluice.v1.ExplainResponse} m ExplainResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExplainResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = null;
                    d.destination = null;
                    d.allowed = false;
                }
                if (m.source != null && Object.hasOwnProperty.call(m, "source")) {
                    d.source = $root.sluice.v1.ExplainSide.toObject(m.source, o, q + 1);
                }
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination")) {
                    d.destination = $root.sluice.v1.ExplainSide.toObject(m.destination, o, q + 1);
                }
                if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                    d.allowed = m.allowed;
                }
                return d;
            };

            /**
             * Converts this ExplainResponse to JSON.
             * @function toJSON
             * @memberof sluice.v1.ExplainResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExplainResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExplainResponse
             * @function getTypeUrl
             * @memberof sluice.v1.ExplainResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExplainResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ExplainResponse";
            };

            return ExplainResponse;
        })();

        v1.ObserveRequest = (function() {

            /**
             * Properties of an ObserveRequest.
             * @memberof sluice.v1
             * @interface IObserveRequest
             * @property {number|null} [last] ObserveRequest last
             * @property {boolean|null} [follow] ObserveRequest follow
             */

            /**
             * Constructs a new ObserveRequest.
             * @memberof sluice.v1
             * @classdesc Represents an ObserveRequest.
             * @implements IObserveRequest
             * @constructor
             * @param {sluice.v1.IObserveRequest=} [p] Properties to set
             */
            function ObserveRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ObserveRequest last.
             * @member {number} last
             * @memberof sluice.v1.ObserveRequest
             * @instance
             */
            ObserveRequest.prototype.last = 0;

            /**
             * ObserveRequest follow.
             * @member {boolean} follow
             * @memberof sluice.v1.ObserveRequest
             * @instance
             */
            ObserveRequest.prototype.follow = false;

            /**
             * Creates a new ObserveRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {sluice.v1.IObserveRequest=} [properties] Properties to set
             * @returns {sluice.v1.ObserveRequest} ObserveRequest instance
             */
            ObserveRequest.create = function create(properties) {
                return new ObserveRequest(properties);
            };

            /**
             * Encodes the specified ObserveRequest message. Does not implicitly {@link sluice.v1.ObserveRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {sluice.v1.IObserveRequest} m ObserveRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ObserveRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.last != null && Object.hasOwnProperty.call(m, "last"))
                    w.uint32(8).uint32(m.last);
                if (m.follow != null && Object.hasOwnProperty.call(m, "follow"))
                    w.uint32(16).bool(m.follow);
                return w;
            };

            /**
             * Encodes the specified ObserveRequest message, length delimited. Does not implicitly {@link sluice.v1.ObserveRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {sluice.v1.IObserveRequest} message ObserveRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ObserveRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ObserveRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ObserveRequest} ObserveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ObserveRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ObserveRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.last = r.uint32();
                            break;
                        }
                    case 2: {
                            m.follow = r.bool();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an ObserveRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ObserveRequest} ObserveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ObserveRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ObserveRequest message.
             * @function verify
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ObserveRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.last != null && Object.hasOwnProperty.call(m, "last")) {
                    if (!$util.isInteger(m.last))
                        return "last: integer expected";
                }
                if (m.follow != null && Object.hasOwnProperty.call(m, "follow")) {
                    if (typeof m.follow !== "boolean")
                        return "follow: boolean expected";
                }
                return null;
            };

            /**
             * Creates an ObserveRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ObserveRequest} ObserveRequest
             */
            ObserveRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ObserveRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ObserveRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ObserveRequest();
                if (d.last != null) {
                    m.last = d.last >>> 0;
                }
                if (d.follow != null) {
                    m.follow = Boolean(d.follow);
                }
                return m;
            };

            /**
             * Creates a plain object from an ObserveRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {sluice.v1.ObserveRequest} m ObserveRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ObserveRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.last = 0;
                    d.follow = false;
                }
                if (m.last != null && Object.hasOwnProperty.call(m, "last")) {
                    d.last = m.last;
                }
                if (m.follow != null && Object.hasOwnProperty.call(m, "follow")) {
                    d.follow = m.follow;
                }
                return d;
            };

            /**
             * Converts this ObserveRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.ObserveRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ObserveRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ObserveRequest
             * @function getTypeUrl
             * @memberof sluice.v1.ObserveRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ObserveRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ObserveRequest";
            };

            return ObserveRequest;
        })();

        v1.ObserveLost = (function() {

            /**
             * Properties of an ObserveLost.
             * @memberof sluice.v1
             * @interface IObserveLost
             * @property {number|Long|null} [flows] ObserveLost flows
             */

            /**
             * Constructs a new ObserveLost.
             * @memberof sluice.v1
             * @classdesc Represents an ObserveLost.
             * @implements IObserveLost
             * @constructor
             * @param {sluice.v1.IObserveLost=} [p] Properties to set
             */
            function ObserveLost(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ObserveLost flows.
             * @member {number|Long} flows
             * @memberof sluice.v1.ObserveLost
             * @instance
             */
            ObserveLost.prototype.flows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ObserveLost instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {sluice.v1.IObserveLost=} [properties] Properties to set
             * @returns {sluice.v1.ObserveLost} ObserveLost instance
             */
            ObserveLost.create = function create(properties) {
                return new ObserveLost(properties);
            };

            /**
             * Encodes the specified ObserveLost message. Does not implicitly {@link sluice.v1.ObserveLost.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {sluice.v1.IObserveLost} m ObserveLost message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ObserveLost.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.flows != null && Object.hasOwnProperty.call(m, "flows"))
                    w.uint32(8).uint64(m.flows);
                return w;
            };

            /**
             * Encodes the specified ObserveLost message, length delimited. Does not implicitly {@link sluice.v1.ObserveLost.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {sluice.v1.IObserveLost} message ObserveLost message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ObserveLost.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ObserveLost message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ObserveLost} ObserveLost
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ObserveLost.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ObserveLost();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.flows = r.uint64();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an ObserveLost message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ObserveLost} ObserveLost
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ObserveLost.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ObserveLost message.
             * @function verify
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ObserveLost.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.flows != null && Object.hasOwnProperty.call(m, "flows")) {
                    if (!$util.isInteger(m.flows) && !(m.flows && $util.isInteger(m.flows.low) && $util.isInteger(m.flows.high)))
                        return "flows: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates an ObserveLost message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ObserveLost} ObserveLost
             */
            ObserveLost.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ObserveLost)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ObserveLost: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ObserveLost();
                if (d.flows != null) {
                    if ($util.Long)
                        m.flows = $util.Long.fromValue(d.flows, true);
                    else if (typeof d.flows === "string")
                        m.flows = parseInt(d.flows, 10);
                    else if (typeof d.flows === "number")
                        m.flows = d.flows;
                    else if (typeof d.flows === "object")
                        m.flows = new $util.LongBits(d.flows.low >>> 0, d.flows.high >>> 0).toNumber(true);
                }
                return m;
            };

            /**
             * Creates a plain object from an ObserveLost message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {sluice.v1.ObserveLost} m ObserveLost
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ObserveLost.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.flows = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.flows = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                }
                if (m.flows != null && Object.hasOwnProperty.call(m, "flows")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.flows = typeof m.flows === "number" ? BigInt(m.flows) : $util.Long.fromBits(m.flows.low >>> 0, m.flows.high >>> 0, true).toBigInt();
                    else if (typeof m.flows === "number")
                        d.flows = o.longs === String ? String(m.flows) : m.flows;
                    else
                        d.flows = o.longs === String ? $util.Long.prototype.toString.call(m.flows) : o.longs === Number ? new $util.LongBits(m.flows.low >>> 0, m.flows.high >>> 0).toNumber(true) : m.flows;
                }
                return d;
            };

            /**
             * Converts this ObserveLost to JSON.
             * @function toJSON
             * @memberof sluice.v1.ObserveLost
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ObserveLost.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ObserveLost
             * @function getTypeUrl
             * @memberof sluice.v1.ObserveLost
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ObserveLost.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ObserveLost";
            };

            return ObserveLost;
        })();

        v1.Endpoint = (function() {

            /**
             * Properties of an Endpoint.
             * @memberof sluice.v1
             * @interface IEndpoint
             * @property {number|null} [id] Endpoint id
             * @property {number|null} [identity] Endpoint identity
             * @property {string|null} [namespace] Endpoint namespace
             * @property {string|null} [pod] Endpoint pod
             * @property {Object.<string,string>|null} [labels] Endpoint labels
             */

            /**
             * Constructs a new Endpoint.
             * @memberof sluice.v1
             * @classdesc Represents an Endpoint.
             * @implements IEndpoint
             * @constructor
             * @param {sluice.v1.IEndpoint=} [p] Properties to set
             */
            function Endpoint(p) {
                this.labels = {};
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Endpoint id.
             * @member {number} id
             * @memberof sluice.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.id = 0;

            /**
             * Endpoint identity.
             * @member {number} identity
             * @memberof sluice.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.identity = 0;

            /**
             * Endpoint namespace.
             * @member {string} namespace
             * @memberof sluice.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.namespace = "";

            /**
             * Endpoint pod.
             * @member {string} pod
             * @memberof sluice.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.pod = "";

            /**
             * Endpoint labels.
             * @member {Object.<string,string>} labels
             * @memberof sluice.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.labels = $util.emptyObject;

            /**
             * Creates a new Endpoint instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {sluice.v1.IEndpoint=} [properties] Properties to set
             * @returns {sluice.v1.Endpoint} Endpoint instance
             */
            Endpoint.create = function create(properties) {
                return new Endpoint(properties);
            };

            /**
             * Encodes the specified Endpoint message. Does not implicitly {@link sluice.v1.Endpoint.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {sluice.v1.IEndpoint} m Endpoint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Endpoint.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(8).uint32(m.id);
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity"))
                    w.uint32(16).uint32(m.identity);
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace"))
                    w.uint32(26).string(m.namespace);
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod"))
                    w.uint32(34).string(m.pod);
                if (m.labels != null && Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(42).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                return w;
            };

            /**
             * Encodes the specified Endpoint message, length delimited. Does not implicitly {@link sluice.v1.Endpoint.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {sluice.v1.IEndpoint} message Endpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Endpoint.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an Endpoint message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Endpoint} Endpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Endpoint.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m, k, value;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Endpoint();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.uint32();
                            break;
                        }
                    case 2: {
                            m.identity = r.uint32();
                            break;
                        }
                    case 3: {
                            m.namespace = r.string();
                            break;
                        }
                    case 4: {
                            m.pod = r.string();
                            break;
                        }
                    case 5: {
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.uint32() + r.pos;
                            if (c2 > r.len)
                                throw RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            value = "";
                            while (r.pos < c2) {
                                var tag2 = r.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    k = r.string();
                                    break;
                                case 2:
                                    value = r.string();
                                    break;
                                default:
                                    r.skipType(tag2 & 7, n);
                                    break;
                                }
                            }
                            if (r.pos !== c2)
                                throw RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = value;
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an Endpoint message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Endpoint} Endpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Endpoint.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an Endpoint message.
             * @function verify
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Endpoint.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isInteger(m.id))
                        return "id: integer expected";
                }
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity")) {
                    if (!$util.isInteger(m.identity))
                        return "identity: integer expected";
                }
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace")) {
                    if (!$util.isString(m.namespace))
                        return "namespace: string expected";
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    if (!$util.isString(m.pod))
                        return "pod: string expected";
                }
                if (m.labels != null && Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                return null;
            };

            /**
             * Creates an Endpoint message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Endpoint} Endpoint
             */
            Endpoint.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Endpoint)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Endpoint: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Endpoint();
                if (d.id != null) {
                    m.id = d.id >>> 0;
                }
                if (d.identity != null) {
                    m.identity = d.identity >>> 0;
                }
                if (d.namespace != null) {
                    m.namespace = String(d.namespace);
                }
                if (d.pod != null) {
                    m.pod = String(d.pod);
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw TypeError(".sluice.v1.Endpoint.labels: object expected");
                    m.labels = {};
                    for (var ks = Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = String(d.labels[ks[i]]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Endpoint message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {sluice.v1.Endpoint} m Endpoint
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Endpoint.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.id = 0;
                    d.identity = 0;
                    d.namespace = "";
                    d.pod = "";
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.identity != null && Object.hasOwnProperty.call(m, "identity")) {
                    d.identity = m.identity;
                }
                if (m.namespace != null && Object.hasOwnProperty.call(m, "namespace")) {
                    d.namespace = m.namespace;
                }
                if (m.pod != null && Object.hasOwnProperty.call(m, "pod")) {
                    d.pod = m.pod;
                }
                var ks2;
                if (m.labels && (ks2 = Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                return d;
            };

            /**
             * Converts this Endpoint to JSON.
             * @function toJSON
             * @memberof sluice.v1.Endpoint
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Endpoint.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Endpoint
             * @function getTypeUrl
             * @memberof sluice.v1.Endpoint
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Endpoint.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Endpoint";
            };

            return Endpoint;
        })();

        v1.Flow = (function() {

            /**
             * Properties of a Flow.
             * @memberof sluice.v1
             * @interface IFlow
             * @property {number|Long|null} [time_ns] Flow time_ns
             * @property {string|null} [verdict] Flow verdict
             * @property {number|null} [drop_reason] Flow drop_reason
             * @property {string|null} [drop_reason_text] Flow drop_reason_text
             * @property {string|null} [source_ip] Flow source_ip
             * @property {string|null} [destination_ip] Flow destination_ip
             * @property {string|null} [protocol] Flow protocol
             * @property {number|null} [source_port] Flow source_port
             * @property {number|null} [destination_port] Flow destination_port
             * @property {Array.<string>|null} [tcp_flags] Flow tcp_flags
             * @property {sluice.v1.IEndpoint|null} [source] Flow source
             * @property {sluice.v1.IEndpoint|null} [destination] Flow destination
             * @property {string|null} [direction] Flow direction
             * @property {boolean|null} [is_reply] Flow is_reply
             * @property {string|null} [policy] Flow policy
             * @property {string|null} [service] Flow service
             * @property {string|null} [frontend] Flow frontend
             */

            /**
             * Constructs a new Flow.
             * @memberof sluice.v1
             * @classdesc Represents a Flow.
             * @implements IFlow
             * @constructor
             * @param {sluice.v1.IFlow=} [p] Properties to set
             */
            function Flow(p) {
                this.tcp_flags = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Flow time_ns.
             * @member {number|Long} time_ns
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.time_ns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Flow verdict.
             * @member {string} verdict
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.verdict = "";

            /**
             * Flow drop_reason.
             * @member {number} drop_reason
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.drop_reason = 0;

            /**
             * Flow drop_reason_text.
             * @member {string} drop_reason_text
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.drop_reason_text = "";

            /**
             * Flow source_ip.
             * @member {string} source_ip
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.source_ip = "";

            /**
             * Flow destination_ip.
             * @member {string} destination_ip
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.destination_ip = "";

            /**
             * Flow protocol.
             * @member {string} protocol
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.protocol = "";

            /**
             * Flow source_port.
             * @member {number} source_port
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.source_port = 0;

            /**
             * Flow destination_port.
             * @member {number} destination_port
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.destination_port = 0;

            /**
             * Flow tcp_flags.
             * @member {Array.<string>} tcp_flags
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.tcp_flags = $util.emptyArray;

            /**
             * Flow source.
             * @member {sluice.v1.IEndpoint|null|undefined} source
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.source = null;

            /**
             * Flow destination.
             * @member {sluice.v1.IEndpoint|null|undefined} destination
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.destination = null;

            /**
             * Flow direction.
             * @member {string} direction
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.direction = "";

            /**
             * Flow is_reply.
             * @member {boolean} is_reply
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.is_reply = false;

            /**
             * Flow policy.
             * @member {string} policy
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.policy = "";

            /**
             * Flow service.
             * @member {string} service
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.service = "";

            /**
             * Flow frontend.
             * @member {string} frontend
             * @memberof sluice.v1.Flow
             * @instance
             */
            Flow.prototype.frontend = "";

            /**
             * Creates a new Flow instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Flow
             * @static
             * @param {sluice.v1.IFlow=} [properties] Properties to set
             * @returns {sluice.v1.Flow} Flow instance
             */
            Flow.create = function create(properties) {
                return new Flow(properties);
            };

            /**
             * Encodes the specified Flow message. Does not implicitly {@link sluice.v1.Flow.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Flow
             * @static
             * @param {sluice.v1.IFlow} m Flow message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Flow.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.time_ns != null && Object.hasOwnProperty.call(m, "time_ns"))
                    w.uint32(8).uint64(m.time_ns);
                if (m.verdict != null && Object.hasOwnProperty.call(m, "verdict"))
                    w.uint32(18).string(m.verdict);
                if (m.drop_reason != null && Object.hasOwnProperty.call(m, "drop_reason"))
                    w.uint32(24).uint32(m.drop_reason);
                if (m.drop_reason_text != null && Object.hasOwnProperty.call(m, "drop_reason_text"))
                    w.uint32(34).string(m.drop_reason_text);
                if (m.source_ip != null && Object.hasOwnProperty.call(m, "source_ip"))
                    w.uint32(42).string(m.source_ip);
                if (m.destination_ip != null && Object.hasOwnProperty.call(m, "destination_ip"))
                    w.uint32(50).string(m.destination_ip);
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol"))
                    w.uint32(58).string(m.protocol);
                if (m.source_port != null && Object.hasOwnProperty.call(m, "source_port"))
                    w.uint32(64).uint32(m.source_port);
                if (m.destination_port != null && Object.hasOwnProperty.call(m, "destination_port"))
                    w.uint32(72).uint32(m.destination_port);
                if (m.tcp_flags != null && m.tcp_flags.length) {
                    for (var i = 0; i < m.tcp_flags.length; ++i)
                        w.uint32(82).string(m.tcp_flags[i]);
                }
                if (m.source != null && Object.hasOwnProperty.call(m, "source"))
                    $root.sluice.v1.Endpoint.encode(m.source, w.uint32(90).fork(), q + 1).ldelim();
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination"))
                    $root.sluice.v1.Endpoint.encode(m.destination, w.uint32(98).fork(), q + 1).ldelim();
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction"))
                    w.uint32(106).string(m.direction);
                if (m.is_reply != null && Object.hasOwnProperty.call(m, "is_reply"))
                    w.uint32(112).bool(m.is_reply);
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy"))
                    w.uint32(122).string(m.policy);
                if (m.service != null && Object.hasOwnProperty.call(m, "service"))
                    w.uint32(130).string(m.service);
                if (m.frontend != null && Object.hasOwnProperty.call(m, "frontend"))
                    w.uint32(138).string(m.frontend);
                return w;
            };

            /**
             * Encodes the specified Flow message, length delimited. Does not implicitly {@link sluice.v1.Flow.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.Flow
             * @static
             * @param {sluice.v1.IFlow} message Flow message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Flow.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Flow message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Flow
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.Flow} Flow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Flow.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.Flow();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.time_ns = r.uint64();
                            break;
                        }
                    case 2: {
                            m.verdict = r.string();
                            break;
                        }
                    case 3: {
                            m.drop_reason = r.uint32();
                            break;
                        }
                    case 4: {
                            m.drop_reason_text = r.string();
                            break;
                        }
                    case 5: {
                            m.source_ip = r.string();
                            break;
                        }
                    case 6: {
                            m.destination_ip = r.string();
                            break;
                        }
                    case 7: {
                            m.protocol = r.string();
                            break;
                        }
                    case 8: {
                            m.source_port = r.uint32();
                            break;
                        }
                    case 9: {
                            m.destination_port = r.uint32();
                            break;
                        }
                    case 10: {
                            if (!(m.tcp_flags && m.tcp_flags.length))
                                m.tcp_flags = [];
                            m.tcp_flags.push(r.string());
                            break;
                        }
                    case 11: {
                            m.source = $root.sluice.v1.Endpoint.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 12: {
                            m.destination = $root.sluice.v1.Endpoint.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 13: {
                            m.direction = r.string();
                            break;
                        }
                    case 14: {
                            m.is_reply = r.bool();
                            break;
                        }
                    case 15: {
                            m.policy = r.string();
                            break;
                        }
                    case 16: {
                            m.service = r.string();
                            break;
                        }
                    case 17: {
                            m.frontend = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a Flow message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.Flow
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.Flow} Flow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Flow.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Flow message.
             * @function verify
             * @memberof sluice.v1.Flow
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Flow.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.time_ns != null && Object.hasOwnProperty.call(m, "time_ns")) {
                    if (!$util.isInteger(m.time_ns) && !(m.time_ns && $util.isInteger(m.time_ns.low) && $util.isInteger(m.time_ns.high)))
                        return "time_ns: integer|Long expected";
                }
                if (m.verdict != null && Object.hasOwnProperty.call(m, "verdict")) {
                    if (!$util.isString(m.verdict))
                        return "verdict: string expected";
                }
                if (m.drop_reason != null && Object.hasOwnProperty.call(m, "drop_reason")) {
                    if (!$util.isInteger(m.drop_reason))
                        return "drop_reason: integer expected";
                }
                if (m.drop_reason_text != null && Object.hasOwnProperty.call(m, "drop_reason_text")) {
                    if (!$util.isString(m.drop_reason_text))
                        return "drop_reason_text: string expected";
                }
                if (m.source_ip != null && Object.hasOwnProperty.call(m, "source_ip")) {
                    if (!$util.isString(m.source_ip))
                        return "source_ip: string expected";
                }
                if (m.destination_ip != null && Object.hasOwnProperty.call(m, "destination_ip")) {
                    if (!$util.isString(m.destination_ip))
                        return "destination_ip: string expected";
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    if (!$util.isString(m.protocol))
                        return "protocol: string expected";
                }
                if (m.source_port != null && Object.hasOwnProperty.call(m, "source_port")) {
                    if (!$util.isInteger(m.source_port))
                        return "source_port: integer expected";
                }
                if (m.destination_port != null && Object.hasOwnProperty.call(m, "destination_port")) {
                    if (!$util.isInteger(m.destination_port))
                        return "destination_port: integer expected";
                }
                if (m.tcp_flags != null && Object.hasOwnProperty.call(m, "tcp_flags")) {
                    if (!Array.isArray(m.tcp_flags))
                        return "tcp_flags: array expected";
                    for (var i = 0; i < m.tcp_flags.length; ++i) {
                        if (!$util.isString(m.tcp_flags[i]))
                            return "tcp_flags: string[] expected";
                    }
                }
                if (m.source != null && Object.hasOwnProperty.call(m, "source")) {
                    {
                        var e = $root.sluice.v1.Endpoint.verify(m.source, n + 1);
                        if (e)
                            return "source." + e;
                    }
                }
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination")) {
                    {
                        var e = $root.sluice.v1.Endpoint.verify(m.destination, n + 1);
                        if (e)
                            return "destination." + e;
                    }
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    if (!$util.isString(m.direction))
                        return "direction: string expected";
                }
                if (m.is_reply != null && Object.hasOwnProperty.call(m, "is_reply")) {
                    if (typeof m.is_reply !== "boolean")
                        return "is_reply: boolean expected";
                }
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                    if (!$util.isString(m.policy))
                        return "policy: string expected";
                }
                if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                    if (!$util.isString(m.service))
                        return "service: string expected";
                }
                if (m.frontend != null && Object.hasOwnProperty.call(m, "frontend")) {
                    if (!$util.isString(m.frontend))
                        return "frontend: string expected";
                }
                return null;
            };

            /**
             * Creates a Flow message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.Flow
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.Flow} Flow
             */
            Flow.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.Flow)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.Flow: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.Flow();
                if (d.time_ns != null) {
                    if ($util.Long)
                        m.time_ns = $util.Long.fromValue(d.time_ns, true);
                    else if (typeof d.time_ns === "string")
                        m.time_ns = parseInt(d.time_ns, 10);
                    else if (typeof d.time_ns === "number")
                        m.time_ns = d.time_ns;
                    else if (typeof d.time_ns === "object")
                        m.time_ns = new $util.LongBits(d.time_ns.low >>> 0, d.time_ns.high >>> 0).toNumber(true);
                }
                if (d.verdict != null) {
                    m.verdict = String(d.verdict);
                }
                if (d.drop_reason != null) {
                    m.drop_reason = d.drop_reason >>> 0;
                }
                if (d.drop_reason_text != null) {
                    m.drop_reason_text = String(d.drop_reason_text);
                }
                if (d.source_ip != null) {
                    m.source_ip = String(d.source_ip);
                }
                if (d.destination_ip != null) {
                    m.destination_ip = String(d.destination_ip);
                }
                if (d.protocol != null) {
                    m.protocol = String(d.protocol);
                }
                if (d.source_port != null) {
                    m.source_port = d.source_port >>> 0;
                }
                if (d.destination_port != null) {
                    m.destination_port = d.destination_port >>> 0;
                }
                if (d.tcp_flags) {
                    if (!Array.isArray(d.tcp_flags))
                        throw TypeError(".sluice.v1.Flow.tcp_flags: array expected");
                    m.tcp_flags = [];
                    for (var i = 0; i < d.tcp_flags.length; ++i) {
                        m.tcp_flags[i] = String(d.tcp_flags[i]);
                    }
                }
                if (d.source != null) {
                    if (!$util.isObject(d.source))
                        throw TypeError(".sluice.v1.Flow.source: object expected");
                    m.source = $root.sluice.v1.Endpoint.fromObject(d.source, n + 1);
                }
                if (d.destination != null) {
                    if (!$util.isObject(d.destination))
                        throw TypeError(".sluice.v1.Flow.destination: object expected");
                    m.destination = $root.sluice.v1.Endpoint.fromObject(d.destination, n + 1);
                }
                if (d.direction != null) {
                    m.direction = String(d.direction);
                }
                if (d.is_reply != null) {
                    m.is_reply = Boolean(d.is_reply);
                }
                if (d.policy != null) {
                    m.policy = String(d.policy);
                }
                if (d.service != null) {
                    m.service = String(d.service);
                }
                if (d.frontend != null) {
                    m.frontend = String(d.frontend);
                }
                return m;
            };

            /**
             * Creates a plain object from a Flow message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.Flow
             * @static
             * @param {sluice.v1.Flow} m Flow
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Flow.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.tcp_flags = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.time_ns = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.time_ns = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.verdict = "";
                    d.drop_reason = 0;
                    d.drop_reason_text = "";
                    d.source_ip = "";
                    d.destination_ip = "";
                    d.protocol = "";
                    d.source_port = 0;
                    d.destination_port = 0;
                    d.source = null;
                    d.destination = null;
                    d.direction = "";
                    d.is_reply = false;
                    d.policy = "";
                    d.service = "";
                    d.frontend = "";
                }
                if (m.time_ns != null && Object.hasOwnProperty.call(m, "time_ns")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.time_ns = typeof m.time_ns === "number" ? BigInt(m.time_ns) : $util.Long.fromBits(m.time_ns.low >>> 0, m.time_ns.high >>> 0, true).toBigInt();
                    else if (typeof m.time_ns === "number")
                        d.time_ns = o.longs === String ? String(m.time_ns) : m.time_ns;
                    else
                        d.time_ns = o.longs === String ? $util.Long.prototype.toString.call(m.time_ns) : o.longs === Number ? new $util.LongBits(m.time_ns.low >>> 0, m.time_ns.high >>> 0).toNumber(true) : m.time_ns;
                }
                if (m.verdict != null && Object.hasOwnProperty.call(m, "verdict")) {
                    d.verdict = m.verdict;
                }
                if (m.drop_reason != null && Object.hasOwnProperty.call(m, "drop_reason")) {
                    d.drop_reason = m.drop_reason;
                }
                if (m.drop_reason_text != null && Object.hasOwnProperty.call(m, "drop_reason_text")) {
                    d.drop_reason_text = m.drop_reason_text;
                }
                if (m.source_ip != null && Object.hasOwnProperty.call(m, "source_ip")) {
                    d.source_ip = m.source_ip;
                }
                if (m.destination_ip != null && Object.hasOwnProperty.call(m, "destination_ip")) {
                    d.destination_ip = m.destination_ip;
                }
                if (m.protocol != null && Object.hasOwnProperty.call(m, "protocol")) {
                    d.protocol = m.protocol;
                }
                if (m.source_port != null && Object.hasOwnProperty.call(m, "source_port")) {
                    d.source_port = m.source_port;
                }
                if (m.destination_port != null && Object.hasOwnProperty.call(m, "destination_port")) {
                    d.destination_port = m.destination_port;
                }
                if (m.tcp_flags && m.tcp_flags.length) {
                    d.tcp_flags = [];
                    for (var j = 0; j < m.tcp_flags.length; ++j) {
                        d.tcp_flags[j] = m.tcp_flags[j];
                    }
                }
                if (m.source != null && Object.hasOwnProperty.call(m, "source")) {
                    d.source = $root.sluice.v1.Endpoint.toObject(m.source, o, q + 1);
                }
                if (m.destination != null && Object.hasOwnProperty.call(m, "destination")) {
                    d.destination = $root.sluice.v1.Endpoint.toObject(m.destination, o, q + 1);
                }
                if (m.direction != null && Object.hasOwnProperty.call(m, "direction")) {
                    d.direction = m.direction;
                }
                if (m.is_reply != null && Object.hasOwnProperty.call(m, "is_reply")) {
                    d.is_reply = m.is_reply;
                }
                if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                    d.policy = m.policy;
                }
                if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                    d.service = m.service;
                }
                if (m.frontend != null && Object.hasOwnProperty.call(m, "frontend")) {
                    d.frontend = m.frontend;
                }
                return d;
            };

            /**
             * Converts this Flow to JSON.
             * @function toJSON
             * @memberof sluice.v1.Flow
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Flow.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Flow
             * @function getTypeUrl
             * @memberof sluice.v1.Flow
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Flow.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.Flow";
            };

            return Flow;
        })();

        v1.CniRequest = (function() {

            /**
             * Properties of a CniRequest.
             * @memberof sluice.v1
             * @interface ICniRequest
             * @property {Array.<string>|null} [env] CniRequest env
             * @property {Uint8Array|null} [stdin] CniRequest stdin
             */

            /**
             * Constructs a new CniRequest.
             * @memberof sluice.v1
             * @classdesc Represents a CniRequest.
             * @implements ICniRequest
             * @constructor
             * @param {sluice.v1.ICniRequest=} [p] Properties to set
             */
            function CniRequest(p) {
                this.env = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CniRequest env.
             * @member {Array.<string>} env
             * @memberof sluice.v1.CniRequest
             * @instance
             */
            CniRequest.prototype.env = $util.emptyArray;

            /**
             * CniRequest stdin.
             * @member {Uint8Array} stdin
             * @memberof sluice.v1.CniRequest
             * @instance
             */
            CniRequest.prototype.stdin = $util.newBuffer([]);

            /**
             * Creates a new CniRequest instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {sluice.v1.ICniRequest=} [properties] Properties to set
             * @returns {sluice.v1.CniRequest} CniRequest instance
             */
            CniRequest.create = function create(properties) {
                return new CniRequest(properties);
            };

            /**
             * Encodes the specified CniRequest message. Does not implicitly {@link sluice.v1.CniRequest.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {sluice.v1.ICniRequest} m CniRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.env != null && m.env.length) {
                    for (var i = 0; i < m.env.length; ++i)
                        w.uint32(10).string(m.env[i]);
                }
                if (m.stdin != null && Object.hasOwnProperty.call(m, "stdin"))
                    w.uint32(18).bytes(m.stdin);
                return w;
            };

            /**
             * Encodes the specified CniRequest message, length delimited. Does not implicitly {@link sluice.v1.CniRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {sluice.v1.ICniRequest} message CniRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CniRequest message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CniRequest} CniRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CniRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.env && m.env.length))
                                m.env = [];
                            m.env.push(r.string());
                            break;
                        }
                    case 2: {
                            m.stdin = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CniRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CniRequest} CniRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CniRequest message.
             * @function verify
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CniRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.env != null && Object.hasOwnProperty.call(m, "env")) {
                    if (!Array.isArray(m.env))
                        return "env: array expected";
                    for (var i = 0; i < m.env.length; ++i) {
                        if (!$util.isString(m.env[i]))
                            return "env: string[] expected";
                    }
                }
                if (m.stdin != null && Object.hasOwnProperty.call(m, "stdin")) {
                    if (!(m.stdin && typeof m.stdin.length === "number" || $util.isString(m.stdin)))
                        return "stdin: buffer expected";
                }
                return null;
            };

            /**
             * Creates a CniRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CniRequest} CniRequest
             */
            CniRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CniRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CniRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CniRequest();
                if (d.env) {
                    if (!Array.isArray(d.env))
                        throw TypeError(".sluice.v1.CniRequest.env: array expected");
                    m.env = [];
                    for (var i = 0; i < d.env.length; ++i) {
                        m.env[i] = String(d.env[i]);
                    }
                }
                if (d.stdin != null) {
                    if (typeof d.stdin === "string")
                        $util.base64.decode(d.stdin, m.stdin = $util.newBuffer($util.base64.length(d.stdin)), 0);
                    else if (d.stdin.length >= 0)
                        m.stdin = d.stdin;
                }
                return m;
            };

            /**
             * Creates a plain object from a CniRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {sluice.v1.CniRequest} m CniRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CniRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.env = [];
                }
                if (o.defaults) {
                    if (o.bytes === String)
                        d.stdin = "";
                    else {
                        d.stdin = [];
                        if (o.bytes !== Array)
                            d.stdin = $util.newBuffer(d.stdin);
                    }
                }
                if (m.env && m.env.length) {
                    d.env = [];
                    for (var j = 0; j < m.env.length; ++j) {
                        d.env[j] = m.env[j];
                    }
                }
                if (m.stdin != null && Object.hasOwnProperty.call(m, "stdin")) {
                    d.stdin = o.bytes === String ? $util.base64.encode(m.stdin, 0, m.stdin.length) : o.bytes === Array ? Array.prototype.slice.call(m.stdin) : m.stdin;
                }
                return d;
            };

            /**
             * Converts this CniRequest to JSON.
             * @function toJSON
             * @memberof sluice.v1.CniRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CniRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CniRequest
             * @function getTypeUrl
             * @memberof sluice.v1.CniRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CniRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CniRequest";
            };

            return CniRequest;
        })();

        v1.CniStep = (function() {

            /**
             * Properties of a CniStep.
             * @memberof sluice.v1
             * @interface ICniStep
             * @property {sluice.v1.ICniDone|null} [done] CniStep done
             * @property {sluice.v1.IWirePod|null} [wire] CniStep wire
             * @property {sluice.v1.IProbePod|null} [probe] CniStep probe
             */

            /**
             * Constructs a new CniStep.
             * @memberof sluice.v1
             * @classdesc Represents a CniStep.
             * @implements ICniStep
             * @constructor
             * @param {sluice.v1.ICniStep=} [p] Properties to set
             */
            function CniStep(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CniStep done.
             * @member {sluice.v1.ICniDone|null|undefined} done
             * @memberof sluice.v1.CniStep
             * @instance
             */
            CniStep.prototype.done = null;

            /**
             * CniStep wire.
             * @member {sluice.v1.IWirePod|null|undefined} wire
             * @memberof sluice.v1.CniStep
             * @instance
             */
            CniStep.prototype.wire = null;

            /**
             * CniStep probe.
             * @member {sluice.v1.IProbePod|null|undefined} probe
             * @memberof sluice.v1.CniStep
             * @instance
             */
            CniStep.prototype.probe = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CniStep step.
             * @member {"done"|"wire"|"probe"|undefined} step
             * @memberof sluice.v1.CniStep
             * @instance
             */
            Object.defineProperty(CniStep.prototype, "step", {
                get: $util.oneOfGetter($oneOfFields = ["done", "wire", "probe"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CniStep instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CniStep
             * @static
             * @param {sluice.v1.ICniStep=} [properties] Properties to set
             * @returns {sluice.v1.CniStep} CniStep instance
             */
            CniStep.create = function create(properties) {
                return new CniStep(properties);
            };

            /**
             * Encodes the specified CniStep message. Does not implicitly {@link sluice.v1.CniStep.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CniStep
             * @static
             * @param {sluice.v1.ICniStep} m CniStep message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniStep.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.done != null && Object.hasOwnProperty.call(m, "done"))
                    $root.sluice.v1.CniDone.encode(m.done, w.uint32(10).fork(), q + 1).ldelim();
                if (m.wire != null && Object.hasOwnProperty.call(m, "wire"))
                    $root.sluice.v1.WirePod.encode(m.wire, w.uint32(18).fork(), q + 1).ldelim();
                if (m.probe != null && Object.hasOwnProperty.call(m, "probe"))
                    $root.sluice.v1.ProbePod.encode(m.probe, w.uint32(26).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified CniStep message, length delimited. Does not implicitly {@link sluice.v1.CniStep.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CniStep
             * @static
             * @param {sluice.v1.ICniStep} message CniStep message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniStep.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CniStep message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CniStep
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CniStep} CniStep
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniStep.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CniStep();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.done = $root.sluice.v1.CniDone.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 2: {
                            m.wire = $root.sluice.v1.WirePod.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 3: {
                            m.probe = $root.sluice.v1.ProbePod.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CniStep message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CniStep
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CniStep} CniStep
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniStep.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CniStep message.
             * @function verify
             * @memberof sluice.v1.CniStep
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CniStep.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                var p = {};
                if (m.done != null && Object.hasOwnProperty.call(m, "done")) {
                    p.step = 1;
                    {
                        var e = $root.sluice.v1.CniDone.verify(m.done, n + 1);
                        if (e)
                            return "done." + e;
                    }
                }
                if (m.wire != null && Object.hasOwnProperty.call(m, "wire")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.sluice.v1.WirePod.verify(m.wire, n + 1);
                        if (e)
                            return "wire." + e;
                    }
                }
                if (m.probe != null && Object.hasOwnProperty.call(m, "probe")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.sluice.v1.ProbePod.verify(m.probe, n + 1);
                        if (e)
                            return "probe." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a CniStep message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CniStep
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CniStep} CniStep
             */
            CniStep.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CniStep)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CniStep: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CniStep();
                if (d.done != null) {
                    if (!$util.isObject(d.done))
                        throw TypeError(".sluice.v1.CniStep.done: object expected");
                    m.done = $root.sluice.v1.CniDone.fromObject(d.done, n + 1);
                }
                if (d.wire != null) {
                    if (!$util.isObject(d.wire))
                        throw TypeError(".sluice.v1.CniStep.wire: object expected");
                    m.wire = $root.sluice.v1.WirePod.fromObject(d.wire, n + 1);
                }
                if (d.probe != null) {
                    if (!$util.isObject(d.probe))
                        throw TypeError(".sluice.v1.CniStep.probe: object expected");
                    m.probe = $root.sluice.v1.ProbePod.fromObject(d.probe, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a CniStep message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CniStep
             * @static
             * @param {sluice.v1.CniStep} m CniStep
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CniStep.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (m.done != null && Object.hasOwnProperty.call(m, "done")) {
                    d.done = $root.sluice.v1.CniDone.toObject(m.done, o, q + 1);
                    if (o.oneofs)
                        d.step = "done";
                }
                if (m.wire != null && Object.hasOwnProperty.call(m, "wire")) {
                    d.wire = $root.sluice.v1.WirePod.toObject(m.wire, o, q + 1);
                    if (o.oneofs)
                        d.step = "wire";
                }
                if (m.probe != null && Object.hasOwnProperty.call(m, "probe")) {
                    d.probe = $root.sluice.v1.ProbePod.toObject(m.probe, o, q + 1);
                    if (o.oneofs)
                        d.step = "probe";
                }
                return d;
            };

            /**
             * Converts this CniStep to JSON.
             * @function toJSON
             * @memberof sluice.v1.CniStep
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CniStep.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CniStep
             * @function getTypeUrl
             * @memberof sluice.v1.CniStep
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CniStep.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CniStep";
            };

            return CniStep;
        })();

        v1.CniDone = (function() {

            /**
             * Properties of a CniDone.
             * @memberof sluice.v1
             * @interface ICniDone
             * @property {Uint8Array|null} [stdout] CniDone stdout
             * @property {number|null} [exit_code] CniDone exit_code
             */

            /**
             * Constructs a new CniDone.
             * @memberof sluice.v1
             * @classdesc Represents a CniDone.
             * @implements ICniDone
             * @constructor
             * @param {sluice.v1.ICniDone=} [p] Properties to set
             */
            function CniDone(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CniDone stdout.
             * @member {Uint8Array} stdout
             * @memberof sluice.v1.CniDone
             * @instance
             */
            CniDone.prototype.stdout = $util.newBuffer([]);

            /**
             * CniDone exit_code.
             * @member {number} exit_code
             * @memberof sluice.v1.CniDone
             * @instance
             */
            CniDone.prototype.exit_code = 0;

            /**
             * Creates a new CniDone instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CniDone
             * @static
             * @param {sluice.v1.ICniDone=} [properties] Properties to set
             * @returns {sluice.v1.CniDone} CniDone instance
             */
            CniDone.create = function create(properties) {
                return new CniDone(properties);
            };

            /**
             * Encodes the specified CniDone message. Does not implicitly {@link sluice.v1.CniDone.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CniDone
             * @static
             * @param {sluice.v1.ICniDone} m CniDone message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniDone.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.stdout != null && Object.hasOwnProperty.call(m, "stdout"))
                    w.uint32(10).bytes(m.stdout);
                if (m.exit_code != null && Object.hasOwnProperty.call(m, "exit_code"))
                    w.uint32(16).uint32(m.exit_code);
                return w;
            };

            /**
             * Encodes the specified CniDone message, length delimited. Does not implicitly {@link sluice.v1.CniDone.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CniDone
             * @static
             * @param {sluice.v1.ICniDone} message CniDone message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniDone.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CniDone message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CniDone
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CniDone} CniDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniDone.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CniDone();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.stdout = r.bytes();
                            break;
                        }
                    case 2: {
                            m.exit_code = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CniDone message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CniDone
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CniDone} CniDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniDone.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CniDone message.
             * @function verify
             * @memberof sluice.v1.CniDone
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CniDone.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.stdout != null && Object.hasOwnProperty.call(m, "stdout")) {
                    if (!(m.stdout && typeof m.stdout.length === "number" || $util.isString(m.stdout)))
                        return "stdout: buffer expected";
                }
                if (m.exit_code != null && Object.hasOwnProperty.call(m, "exit_code")) {
                    if (!$util.isInteger(m.exit_code))
                        return "exit_code: integer expected";
                }
                return null;
            };

            /**
             * Creates a CniDone message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CniDone
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CniDone} CniDone
             */
            CniDone.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CniDone)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CniDone: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CniDone();
                if (d.stdout != null) {
                    if (typeof d.stdout === "string")
                        $util.base64.decode(d.stdout, m.stdout = $util.newBuffer($util.base64.length(d.stdout)), 0);
                    else if (d.stdout.length >= 0)
                        m.stdout = d.stdout;
                }
                if (d.exit_code != null) {
                    m.exit_code = d.exit_code >>> 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a CniDone message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CniDone
             * @static
             * @param {sluice.v1.CniDone} m CniDone
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CniDone.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === String)
                        d.stdout = "";
                    else {
                        d.stdout = [];
                        if (o.bytes !== Array)
                            d.stdout = $util.newBuffer(d.stdout);
                    }
                    d.exit_code = 0;
                }
                if (m.stdout != null && Object.hasOwnProperty.call(m, "stdout")) {
                    d.stdout = o.bytes === String ? $util.base64.encode(m.stdout, 0, m.stdout.length) : o.bytes === Array ? Array.prototype.slice.call(m.stdout) : m.stdout;
                }
                if (m.exit_code != null && Object.hasOwnProperty.call(m, "exit_code")) {
                    d.exit_code = m.exit_code;
                }
                return d;
            };

            /**
             * Converts this CniDone to JSON.
             * @function toJSON
             * @memberof sluice.v1.CniDone
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CniDone.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CniDone
             * @function getTypeUrl
             * @memberof sluice.v1.CniDone
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CniDone.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CniDone";
            };

            return CniDone;
        })();

        v1.WirePod = (function() {

            /**
             * Properties of a WirePod.
             * @memberof sluice.v1
             * @interface IWirePod
             * @property {string|null} [host_netns] WirePod host_netns
             * @property {number|Long|null} [host_netns_inode] WirePod host_netns_inode
             * @property {string|null} [pod_netns] WirePod pod_netns
             * @property {string|null} [host_ifname] WirePod host_ifname
             * @property {string|null} [pod_ifname] WirePod pod_ifname
             * @property {string|null} [ip] WirePod ip
             * @property {string|null} [gateway] WirePod gateway
             * @property {string|null} [host_mac] WirePod host_mac
             * @property {string|null} [pod_mac] WirePod pod_mac
             * @property {number|null} [mtu] WirePod mtu
             * @property {string|null} [ipv6] WirePod ipv6
             * @property {string|null} [gateway_v6] WirePod gateway_v6
             */

            /**
             * Constructs a new WirePod.
             * @memberof sluice.v1
             * @classdesc Represents a WirePod.
             * @implements IWirePod
             * @constructor
             * @param {sluice.v1.IWirePod=} [p] Properties to set
             */
            function WirePod(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * WirePod host_netns.
             * @member {string} host_netns
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.host_netns = "";

            /**
             * WirePod host_netns_inode.
             * @member {number|Long} host_netns_inode
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.host_netns_inode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WirePod pod_netns.
             * @member {string} pod_netns
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.pod_netns = "";

            /**
             * WirePod host_ifname.
             * @member {string} host_ifname
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.host_ifname = "";

            /**
             * WirePod pod_ifname.
             * @member {string} pod_ifname
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.pod_ifname = "";

            /**
             * WirePod ip.
             * @member {string} ip
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.ip = "";

            /**
             * WirePod gateway.
             * @member {string} gateway
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.gateway = "";

            /**
             * WirePod host_mac.
             * @member {string} host_mac
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.host_mac = "";

            /**
             * WirePod pod_mac.
             * @member {string} pod_mac
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.pod_mac = "";

            /**
             * WirePod mtu.
             * @member {number} mtu
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.mtu = 0;

            /**
             * WirePod ipv6.
             * @member {string} ipv6
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.ipv6 = "";

            /**
             * WirePod gateway_v6.
             * @member {string} gateway_v6
             * @memberof sluice.v1.WirePod
             * @instance
             */
            WirePod.prototype.gateway_v6 = "";

            /**
             * Creates a new WirePod instance using the specified properties.
             * @function create
             * @memberof sluice.v1.WirePod
             * @static
             * @param {sluice.v1.IWirePod=} [properties] Properties to set
             * @returns {sluice.v1.WirePod} WirePod instance
             */
            WirePod.create = function create(properties) {
                return new WirePod(properties);
            };

            /**
             * Encodes the specified WirePod message. Does not implicitly {@link sluice.v1.WirePod.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.WirePod
             * @static
             * @param {sluice.v1.IWirePod} m WirePod message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WirePod.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.host_netns != null && Object.hasOwnProperty.call(m, "host_netns"))
                    w.uint32(10).string(m.host_netns);
                if (m.host_netns_inode != null && Object.hasOwnProperty.call(m, "host_netns_inode"))
                    w.uint32(16).uint64(m.host_netns_inode);
                if (m.pod_netns != null && Object.hasOwnProperty.call(m, "pod_netns"))
                    w.uint32(26).string(m.pod_netns);
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname"))
                    w.uint32(34).string(m.host_ifname);
                if (m.pod_ifname != null && Object.hasOwnProperty.call(m, "pod_ifname"))
                    w.uint32(42).string(m.pod_ifname);
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip"))
                    w.uint32(50).string(m.ip);
                if (m.gateway != null && Object.hasOwnProperty.call(m, "gateway"))
                    w.uint32(58).string(m.gateway);
                if (m.host_mac != null && Object.hasOwnProperty.call(m, "host_mac"))
                    w.uint32(66).string(m.host_mac);
                if (m.pod_mac != null && Object.hasOwnProperty.call(m, "pod_mac"))
                    w.uint32(74).string(m.pod_mac);
                if (m.mtu != null && Object.hasOwnProperty.call(m, "mtu"))
                    w.uint32(80).uint32(m.mtu);
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6"))
                    w.uint32(90).string(m.ipv6);
                if (m.gateway_v6 != null && Object.hasOwnProperty.call(m, "gateway_v6"))
                    w.uint32(98).string(m.gateway_v6);
                return w;
            };

            /**
             * Encodes the specified WirePod message, length delimited. Does not implicitly {@link sluice.v1.WirePod.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.WirePod
             * @static
             * @param {sluice.v1.IWirePod} message WirePod message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WirePod.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a WirePod message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.WirePod
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.WirePod} WirePod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WirePod.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.WirePod();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.host_netns = r.string();
                            break;
                        }
                    case 2: {
                            m.host_netns_inode = r.uint64();
                            break;
                        }
                    case 3: {
                            m.pod_netns = r.string();
                            break;
                        }
                    case 4: {
                            m.host_ifname = r.string();
                            break;
                        }
                    case 5: {
                            m.pod_ifname = r.string();
                            break;
                        }
                    case 6: {
                            m.ip = r.string();
                            break;
                        }
                    case 7: {
                            m.gateway = r.string();
                            break;
                        }
                    case 8: {
                            m.host_mac = r.string();
                            break;
                        }
                    case 9: {
                            m.pod_mac = r.string();
                            break;
                        }
                    case 10: {
                            m.mtu = r.uint32();
                            break;
                        }
                    case 11: {
                            m.ipv6 = r.string();
                            break;
                        }
                    case 12: {
                            m.gateway_v6 = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a WirePod message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.WirePod
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.WirePod} WirePod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WirePod.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a WirePod message.
             * @function verify
             * @memberof sluice.v1.WirePod
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WirePod.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.host_netns != null && Object.hasOwnProperty.call(m, "host_netns")) {
                    if (!$util.isString(m.host_netns))
                        return "host_netns: string expected";
                }
                if (m.host_netns_inode != null && Object.hasOwnProperty.call(m, "host_netns_inode")) {
                    if (!$util.isInteger(m.host_netns_inode) && !(m.host_netns_inode && $util.isInteger(m.host_netns_inode.low) && $util.isInteger(m.host_netns_inode.high)))
                        return "host_netns_inode: integer|Long expected";
                }
                if (m.pod_netns != null && Object.hasOwnProperty.call(m, "pod_netns")) {
                    if (!$util.isString(m.pod_netns))
                        return "pod_netns: string expected";
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    if (!$util.isString(m.host_ifname))
                        return "host_ifname: string expected";
                }
                if (m.pod_ifname != null && Object.hasOwnProperty.call(m, "pod_ifname")) {
                    if (!$util.isString(m.pod_ifname))
                        return "pod_ifname: string expected";
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    if (!$util.isString(m.ip))
                        return "ip: string expected";
                }
                if (m.gateway != null && Object.hasOwnProperty.call(m, "gateway")) {
                    if (!$util.isString(m.gateway))
                        return "gateway: string expected";
                }
                if (m.host_mac != null && Object.hasOwnProperty.call(m, "host_mac")) {
                    if (!$util.isString(m.host_mac))
                        return "host_mac: string expected";
                }
                if (m.pod_mac != null && Object.hasOwnProperty.call(m, "pod_mac")) {
                    if (!$util.isString(m.pod_mac))
                        return "pod_mac: string expected";
                }
                if (m.mtu != null && Object.hasOwnProperty.call(m, "mtu")) {
                    if (!$util.isInteger(m.mtu))
                        return "mtu: integer expected";
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    if (!$util.isString(m.ipv6))
                        return "ipv6: string expected";
                }
                if (m.gateway_v6 != null && Object.hasOwnProperty.call(m, "gateway_v6")) {
                    if (!$util.isString(m.gateway_v6))
                        return "gateway_v6: string expected";
                }
                return null;
            };

            /**
             * Creates a WirePod message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.WirePod
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.WirePod} WirePod
             */
            WirePod.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.WirePod)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.WirePod: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.WirePod();
                if (d.host_netns != null) {
                    m.host_netns = String(d.host_netns);
                }
                if (d.host_netns_inode != null) {
                    if ($util.Long)
                        m.host_netns_inode = $util.Long.fromValue(d.host_netns_inode, true);
                    else if (typeof d.host_netns_inode === "string")
                        m.host_netns_inode = parseInt(d.host_netns_inode, 10);
                    else if (typeof d.host_netns_inode === "number")
                        m.host_netns_inode = d.host_netns_inode;
                    else if (typeof d.host_netns_inode === "object")
                        m.host_netns_inode = new $util.LongBits(d.host_netns_inode.low >>> 0, d.host_netns_inode.high >>> 0).toNumber(true);
                }
                if (d.pod_netns != null) {
                    m.pod_netns = String(d.pod_netns);
                }
                if (d.host_ifname != null) {
                    m.host_ifname = String(d.host_ifname);
                }
                if (d.pod_ifname != null) {
                    m.pod_ifname = String(d.pod_ifname);
                }
                if (d.ip != null) {
                    m.ip = String(d.ip);
                }
                if (d.gateway != null) {
                    m.gateway = String(d.gateway);
                }
                if (d.host_mac != null) {
                    m.host_mac = String(d.host_mac);
                }
                if (d.pod_mac != null) {
                    m.pod_mac = String(d.pod_mac);
                }
                if (d.mtu != null) {
                    m.mtu = d.mtu >>> 0;
                }
                if (d.ipv6 != null) {
                    m.ipv6 = String(d.ipv6);
                }
                if (d.gateway_v6 != null) {
                    m.gateway_v6 = String(d.gateway_v6);
                }
                return m;
            };

            /**
             * Creates a plain object from a WirePod message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.WirePod
             * @static
             * @param {sluice.v1.WirePod} m WirePod
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WirePod.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.host_netns = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.host_netns_inode = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.host_netns_inode = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.pod_netns = "";
                    d.host_ifname = "";
                    d.pod_ifname = "";
                    d.ip = "";
                    d.gateway = "";
                    d.host_mac = "";
                    d.pod_mac = "";
                    d.mtu = 0;
                    d.ipv6 = "";
                    d.gateway_v6 = "";
                }
                if (m.host_netns != null && Object.hasOwnProperty.call(m, "host_netns")) {
                    d.host_netns = m.host_netns;
                }
                if (m.host_netns_inode != null && Object.hasOwnProperty.call(m, "host_netns_inode")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.host_netns_inode = typeof m.host_netns_inode === "number" ? BigInt(m.host_netns_inode) : $util.Long.fromBits(m.host_netns_inode.low >>> 0, m.host_netns_inode.high >>> 0, true).toBigInt();
                    else if (typeof m.host_netns_inode === "number")
                        d.host_netns_inode = o.longs === String ? String(m.host_netns_inode) : m.host_netns_inode;
                    else
                        d.host_netns_inode = o.longs === String ? $util.Long.prototype.toString.call(m.host_netns_inode) : o.longs === Number ? new $util.LongBits(m.host_netns_inode.low >>> 0, m.host_netns_inode.high >>> 0).toNumber(true) : m.host_netns_inode;
                }
                if (m.pod_netns != null && Object.hasOwnProperty.call(m, "pod_netns")) {
                    d.pod_netns = m.pod_netns;
                }
                if (m.host_ifname != null && Object.hasOwnProperty.call(m, "host_ifname")) {
                    d.host_ifname = m.host_ifname;
                }
                if (m.pod_ifname != null && Object.hasOwnProperty.call(m, "pod_ifname")) {
                    d.pod_ifname = m.pod_ifname;
                }
                if (m.ip != null && Object.hasOwnProperty.call(m, "ip")) {
                    d.ip = m.ip;
                }
                if (m.gateway != null && Object.hasOwnProperty.call(m, "gateway")) {
                    d.gateway = m.gateway;
                }
                if (m.host_mac != null && Object.hasOwnProperty.call(m, "host_mac")) {
                    d.host_mac = m.host_mac;
                }
                if (m.pod_mac != null && Object.hasOwnProperty.call(m, "pod_mac")) {
                    d.pod_mac = m.pod_mac;
                }
                if (m.mtu != null && Object.hasOwnProperty.call(m, "mtu")) {
                    d.mtu = m.mtu;
                }
                if (m.ipv6 != null && Object.hasOwnProperty.call(m, "ipv6")) {
                    d.ipv6 = m.ipv6;
                }
                if (m.gateway_v6 != null && Object.hasOwnProperty.call(m, "gateway_v6")) {
                    d.gateway_v6 = m.gateway_v6;
                }
                return d;
            };

            /**
             * Converts this WirePod to JSON.
             * @function toJSON
             * @memberof sluice.v1.WirePod
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WirePod.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for WirePod
             * @function getTypeUrl
             * @memberof sluice.v1.WirePod
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            WirePod.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.WirePod";
            };

            return WirePod;
        })();

        v1.ProbePod = (function() {

            /**
             * Properties of a ProbePod.
             * @memberof sluice.v1
             * @interface IProbePod
             * @property {string|null} [netns] ProbePod netns
             * @property {string|null} [ifname] ProbePod ifname
             */

            /**
             * Constructs a new ProbePod.
             * @memberof sluice.v1
             * @classdesc Represents a ProbePod.
             * @implements IProbePod
             * @constructor
             * @param {sluice.v1.IProbePod=} [p] Properties to set
             */
            function ProbePod(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ProbePod netns.
             * @member {string} netns
             * @memberof sluice.v1.ProbePod
             * @instance
             */
            ProbePod.prototype.netns = "";

            /**
             * ProbePod ifname.
             * @member {string} ifname
             * @memberof sluice.v1.ProbePod
             * @instance
             */
            ProbePod.prototype.ifname = "";

            /**
             * Creates a new ProbePod instance using the specified properties.
             * @function create
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {sluice.v1.IProbePod=} [properties] Properties to set
             * @returns {sluice.v1.ProbePod} ProbePod instance
             */
            ProbePod.create = function create(properties) {
                return new ProbePod(properties);
            };

            /**
             * Encodes the specified ProbePod message. Does not implicitly {@link sluice.v1.ProbePod.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {sluice.v1.IProbePod} m ProbePod message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbePod.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.netns != null && Object.hasOwnProperty.call(m, "netns"))
                    w.uint32(10).string(m.netns);
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname"))
                    w.uint32(18).string(m.ifname);
                return w;
            };

            /**
             * Encodes the specified ProbePod message, length delimited. Does not implicitly {@link sluice.v1.ProbePod.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {sluice.v1.IProbePod} message ProbePod message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbePod.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ProbePod message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.ProbePod} ProbePod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbePod.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.ProbePod();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.netns = r.string();
                            break;
                        }
                    case 2: {
                            m.ifname = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ProbePod message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.ProbePod} ProbePod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbePod.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ProbePod message.
             * @function verify
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProbePod.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.netns != null && Object.hasOwnProperty.call(m, "netns")) {
                    if (!$util.isString(m.netns))
                        return "netns: string expected";
                }
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname")) {
                    if (!$util.isString(m.ifname))
                        return "ifname: string expected";
                }
                return null;
            };

            /**
             * Creates a ProbePod message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.ProbePod} ProbePod
             */
            ProbePod.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.ProbePod)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.ProbePod: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.ProbePod();
                if (d.netns != null) {
                    m.netns = String(d.netns);
                }
                if (d.ifname != null) {
                    m.ifname = String(d.ifname);
                }
                return m;
            };

            /**
             * Creates a plain object from a ProbePod message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {sluice.v1.ProbePod} m ProbePod
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProbePod.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.netns = "";
                    d.ifname = "";
                }
                if (m.netns != null && Object.hasOwnProperty.call(m, "netns")) {
                    d.netns = m.netns;
                }
                if (m.ifname != null && Object.hasOwnProperty.call(m, "ifname")) {
                    d.ifname = m.ifname;
                }
                return d;
            };

            /**
             * Converts this ProbePod to JSON.
             * @function toJSON
             * @memberof sluice.v1.ProbePod
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProbePod.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ProbePod
             * @function getTypeUrl
             * @memberof sluice.v1.ProbePod
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ProbePod.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.ProbePod";
            };

            return ProbePod;
        })();

        v1.CniStepResult = (function() {

            /**
             * Properties of a CniStepResult.
             * @memberof sluice.v1
             * @interface ICniStepResult
             * @property {number|null} [errno] CniStepResult errno
             * @property {string|null} [error] CniStepResult error
             * @property {boolean|null} [link_exists] CniStepResult link_exists
             * @property {number|null} [host_ifindex] CniStepResult host_ifindex
             * @property {boolean|null} [link_found] CniStepResult link_found
             * @property {string|null} [mac] CniStepResult mac
             * @property {Array.<string>|null} [addresses] CniStepResult addresses
             * @property {Array.<string>|null} [default_gateways] CniStepResult default_gateways
             */

            /**
             * Constructs a new CniStepResult.
             * @memberof sluice.v1
             * @classdesc Represents a CniStepResult.
             * @implements ICniStepResult
             * @constructor
             * @param {sluice.v1.ICniStepResult=} [p] Properties to set
             */
            function CniStepResult(p) {
                this.addresses = [];
                this.default_gateways = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CniStepResult errno.
             * @member {number} errno
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.errno = 0;

            /**
             * CniStepResult error.
             * @member {string} error
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.error = "";

            /**
             * CniStepResult link_exists.
             * @member {boolean} link_exists
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.link_exists = false;

            /**
             * CniStepResult host_ifindex.
             * @member {number} host_ifindex
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.host_ifindex = 0;

            /**
             * CniStepResult link_found.
             * @member {boolean} link_found
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.link_found = false;

            /**
             * CniStepResult mac.
             * @member {string} mac
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.mac = "";

            /**
             * CniStepResult addresses.
             * @member {Array.<string>} addresses
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.addresses = $util.emptyArray;

            /**
             * CniStepResult default_gateways.
             * @member {Array.<string>} default_gateways
             * @memberof sluice.v1.CniStepResult
             * @instance
             */
            CniStepResult.prototype.default_gateways = $util.emptyArray;

            /**
             * Creates a new CniStepResult instance using the specified properties.
             * @function create
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {sluice.v1.ICniStepResult=} [properties] Properties to set
             * @returns {sluice.v1.CniStepResult} CniStepResult instance
             */
            CniStepResult.create = function create(properties) {
                return new CniStepResult(properties);
            };

            /**
             * Encodes the specified CniStepResult message. Does not implicitly {@link sluice.v1.CniStepResult.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {sluice.v1.ICniStepResult} m CniStepResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniStepResult.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.errno != null && Object.hasOwnProperty.call(m, "errno"))
                    w.uint32(8).uint32(m.errno);
                if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                    w.uint32(18).string(m.error);
                if (m.host_ifindex != null && Object.hasOwnProperty.call(m, "host_ifindex"))
                    w.uint32(24).uint32(m.host_ifindex);
                if (m.link_found != null && Object.hasOwnProperty.call(m, "link_found"))
                    w.uint32(32).bool(m.link_found);
                if (m.mac != null && Object.hasOwnProperty.call(m, "mac"))
                    w.uint32(42).string(m.mac);
                if (m.addresses != null && m.addresses.length) {
                    for (var i = 0; i < m.addresses.length; ++i)
                        w.uint32(50).string(m.addresses[i]);
                }
                if (m.default_gateways != null && m.default_gateways.length) {
                    for (var i = 0; i < m.default_gateways.length; ++i)
                        w.uint32(58).string(m.default_gateways[i]);
                }
                if (m.link_exists != null && Object.hasOwnProperty.call(m, "link_exists"))
                    w.uint32(64).bool(m.link_exists);
                return w;
            };

            /**
             * Encodes the specified CniStepResult message, length delimited. Does not implicitly {@link sluice.v1.CniStepResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {sluice.v1.ICniStepResult} message CniStepResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CniStepResult.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CniStepResult message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {sluice.v1.CniStepResult} CniStepResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniStepResult.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.sluice.v1.CniStepResult();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.errno = r.uint32();
                            break;
                        }
                    case 2: {
                            m.error = r.string();
                            break;
                        }
                    case 8: {
                            m.link_exists = r.bool();
                            break;
                        }
                    case 3: {
                            m.host_ifindex = r.uint32();
                            break;
                        }
                    case 4: {
                            m.link_found = r.bool();
                            break;
                        }
                    case 5: {
                            m.mac = r.string();
                            break;
                        }
                    case 6: {
                            if (!(m.addresses && m.addresses.length))
                                m.addresses = [];
                            m.addresses.push(r.string());
                            break;
                        }
                    case 7: {
                            if (!(m.default_gateways && m.default_gateways.length))
                                m.default_gateways = [];
                            m.default_gateways.push(r.string());
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CniStepResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {sluice.v1.CniStepResult} CniStepResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CniStepResult.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CniStepResult message.
             * @function verify
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CniStepResult.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.errno != null && Object.hasOwnProperty.call(m, "errno")) {
                    if (!$util.isInteger(m.errno))
                        return "errno: integer expected";
                }
                if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                    if (!$util.isString(m.error))
                        return "error: string expected";
                }
                if (m.link_exists != null && Object.hasOwnProperty.call(m, "link_exists")) {
                    if (typeof m.link_exists !== "boolean")
                        return "link_exists: boolean expected";
                }
                if (m.host_ifindex != null && Object.hasOwnProperty.call(m, "host_ifindex")) {
                    if (!$util.isInteger(m.host_ifindex))
                        return "host_ifindex: integer expected";
                }
                if (m.link_found != null && Object.hasOwnProperty.call(m, "link_found")) {
                    if (typeof m.link_found !== "boolean")
                        return "link_found: boolean expected";
                }
                if (m.mac != null && Object.hasOwnProperty.call(m, "mac")) {
                    if (!$util.isString(m.mac))
                        return "mac: string expected";
                }
                if (m.addresses != null && Object.hasOwnProperty.call(m, "addresses")) {
                    if (!Array.isArray(m.addresses))
                        return "addresses: array expected";
                    for (var i = 0; i < m.addresses.length; ++i) {
                        if (!$util.isString(m.addresses[i]))
                            return "addresses: string[] expected";
                    }
                }
                if (m.default_gateways != null && Object.hasOwnProperty.call(m, "default_gateways")) {
                    if (!Array.isArray(m.default_gateways))
                        return "default_gateways: array expected";
                    for (var i = 0; i < m.default_gateways.length; ++i) {
                        if (!$util.isString(m.default_gateways[i]))
                            return "default_gateways: string[] expected";
                    }
                }
                return null;
            };

            /**
             * Creates a CniStepResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {sluice.v1.CniStepResult} CniStepResult
             */
            CniStepResult.fromObject = function fromObject(d, n) {
                if (d instanceof $root.sluice.v1.CniStepResult)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".sluice.v1.CniStepResult: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.sluice.v1.CniStepResult();
                if (d.errno != null) {
                    m.errno = d.errno >>> 0;
                }
                if (d.error != null) {
                    m.error = String(d.error);
                }
                if (d.link_exists != null) {
                    m.link_exists = Boolean(d.link_exists);
                }
                if (d.host_ifindex != null) {
                    m.host_ifindex = d.host_ifindex >>> 0;
                }
                if (d.link_found != null) {
                    m.link_found = Boolean(d.link_found);
                }
                if (d.mac != null) {
                    m.mac = String(d.mac);
                }
                if (d.addresses) {
                    if (!Array.isArray(d.addresses))
                        throw TypeError(".sluice.v1.CniStepResult.addresses: array expected");
                    m.addresses = [];
                    for (var i = 0; i < d.addresses.length; ++i) {
                        m.addresses[i] = String(d.addresses[i]);
                    }
                }
                if (d.default_gateways) {
                    if (!Array.isArray(d.default_gateways))
                        throw TypeError(".sluice.v1.CniStepResult.default_gateways: array expected");
                    m.default_gateways = [];
                    for (var i = 0; i < d.default_gateways.length; ++i) {
                        m.default_gateways[i] = String(d.default_gateways[i]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CniStepResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {sluice.v1.CniStepResult} m CniStepResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CniStepResult.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.addresses = [];
                    d.default_gateways = [];
                }
                if (o.defaults) {
                    d.errno = 0;
                    d.error = "";
                    d.host_ifindex = 0;
                    d.link_found = false;
                    d.mac = "";
                    d.link_exists = false;
                }
                if (m.errno != null && Object.hasOwnProperty.call(m, "errno")) {
                    d.errno = m.errno;
                }
                if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                if (m.host_ifindex != null && Object.hasOwnProperty.call(m, "host_ifindex")) {
                    d.host_ifindex = m.host_ifindex;
                }
                if (m.link_found != null && Object.hasOwnProperty.call(m, "link_found")) {
                    d.link_found = m.link_found;
                }
                if (m.mac != null && Object.hasOwnProperty.call(m, "mac")) {
                    d.mac = m.mac;
                }
                if (m.addresses && m.addresses.length) {
                    d.addresses = [];
                    for (var j = 0; j < m.addresses.length; ++j) {
                        d.addresses[j] = m.addresses[j];
                    }
                }
                if (m.default_gateways && m.default_gateways.length) {
                    d.default_gateways = [];
                    for (var j = 0; j < m.default_gateways.length; ++j) {
                        d.default_gateways[j] = m.default_gateways[j];
                    }
                }
                if (m.link_exists != null && Object.hasOwnProperty.call(m, "link_exists")) {
                    d.link_exists = m.link_exists;
                }
                return d;
            };

            /**
             * Converts this CniStepResult to JSON.
             * @function toJSON
             * @memberof sluice.v1.CniStepResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CniStepResult.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CniStepResult
             * @function getTypeUrl
             * @memberof sluice.v1.CniStepResult
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CniStepResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/sluice.v1.CniStepResult";
            };

            return CniStepResult;
        })();

        return v1;
    })();

    return sluice;
})();

export { $root as default };
